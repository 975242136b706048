package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.rpc.ProtocolException;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.FutureSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgNewDetailedInfo;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcError;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client half of an encrypted MTProto session, independent of any transport
 * (core.telegram.org/mtproto/description, /service_messages, /service_messages_about_messages): it turns calls
 * into encrypted packets ({@link #drain()}) and packets into answers ({@link #receive}). It assigns msg_ids and
 * seqnos, batches acks, puts several messages in one container, gzips large calls, completes calls from
 * {@code rpc_result}/{@code rpc_error}, follows {@code new_session_created}, {@code bad_server_salt} and
 * {@code bad_msg_notification} (16/17 time, 32/33 seqno, 48 salt) by itself, answers {@code msgs_state_req} and
 * {@code msg_resend_req}, and hands everything else (updates) to a listener. On receive it checks the session id,
 * msg_id parity, the time window and replays, besides the msg_key checks of decryption; what fails is dropped and
 * counted in {@link #stats()}.
 *
 * <p>Not thread-safe: one connection's event loop owns it.
 */
public final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final int GZIP_ABOVE = 512;
    private static final int MAX_ACKS = 8192;
    private static final long PAST_WINDOW = 300;
    private static final long FUTURE_WINDOW = 30;
    private static final int MAX_CONTAINER_BYTES = 1 << 20;

    private final AuthKey key;
    private final RandomSource random;
    private final MessageIdClock msgIds;
    private final TlRegistry updates;
    private final Consumer<TlObject> onUpdate;
    private final SeqNos seqNos = new SeqNos();
    private final SeenMessages seen = new SeenMessages(4096);
    private final SessionStats stats = new SessionStats();
    private final ArrayDeque<Long> acks = new ArrayDeque<>();
    private final ArrayDeque<byte[]> serviceQueue = new ArrayDeque<>();
    private final ArrayDeque<PendingCall> queue = new ArrayDeque<>();
    private final Map<Long, PendingCall> sent = new LinkedHashMap<>();
    private final Map<Long, List<PendingCall>> containers = new HashMap<>();
    private long sessionId;
    private long salt;
    private List<FutureSalt> futureSalts = List.of();

    /**
     * @param key       the auth key of this DC
     * @param salt      the current server salt
     * @param timeOffset the server's clock minus ours, in seconds
     * @param updates   how to decode what is not an answer (the API's registry)
     * @param onUpdate  receives updates; called on the owning thread, so it must not block
     */
    public ClientSession(AuthKey key, long salt, int timeOffset, RandomSource random, Clock clock, TlRegistry updates,
            Consumer<TlObject> onUpdate) {
        this.key = key;
        this.salt = salt;
        this.random = random;
        this.msgIds = MessageIdClock.client(clock);
        this.msgIds.setServerTimeOffset(timeOffset);
        this.updates = updates;
        this.onUpdate = onUpdate;
        this.sessionId = newSessionId();
    }

    /** Queues a call; its future completes when the answer arrives (or fails with the server's error). */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> call(TlMethod<R> method) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        byte[] body = method.toByteArray();
        if (body.length > GZIP_ABOVE) {
            byte[] packed = Bodies.packGzip(body);
            body = packed.length < body.length ? packed : body;
        }
        queue.addLast(new PendingCall(method, future, body));
        return (CompletableFuture<R>) (CompletableFuture<?>) future;
    }

    /** Whether {@link #drain()} has something to send. */
    public boolean hasOutgoing() {
        return !queue.isEmpty() || !acks.isEmpty() || !serviceQueue.isEmpty();
    }

    /** Encrypted packets for everything queued: calls, acks and service answers, in containers where several. */
    public List<byte[]> drain() {
        List<byte[]> packets = new ArrayList<>();
        while (hasOutgoing()) {
            List<InnerMessage> batch = new ArrayList<>();
            List<PendingCall> calls = new ArrayList<>();
            int bytes = 0;
            if (!acks.isEmpty()) {
                List<Long> ids = new ArrayList<>();
                while (!acks.isEmpty() && ids.size() < MAX_ACKS) {
                    ids.add(acks.removeFirst());
                }
                byte[] ack = new MsgsAck(ids).toByteArray();
                batch.add(new InnerMessage(msgIds.next(), seqNos.next(false), ack));
                bytes += ack.length;
            }
            while (!serviceQueue.isEmpty() && batch.size() < Bodies.MAX_CONTAINER_MESSAGES) {
                byte[] body = serviceQueue.removeFirst();
                batch.add(new InnerMessage(msgIds.next(), seqNos.next(false), body));
                bytes += body.length;
            }
            while (!queue.isEmpty() && batch.size() < Bodies.MAX_CONTAINER_MESSAGES
                    && (batch.isEmpty() || bytes + queue.peekFirst().body.length < MAX_CONTAINER_BYTES)) {
                PendingCall call = queue.removeFirst();
                if (call.future.isDone()) {
                    continue; // cancelled or timed out before it was sent
                }
                call.msgId = msgIds.next();
                call.containerId = 0;
                batch.add(new InnerMessage(call.msgId, seqNos.next(true), call.body));
                bytes += call.body.length;
                calls.add(call);
                sent.put(call.msgId, call);
            }
            if (batch.isEmpty()) {
                break;
            }
            if (batch.size() == 1) {
                InnerMessage only = batch.get(0);
                packets.add(new Envelope(salt(), sessionId, only.msgId(), only.seqNo(), only.body())
                        .encrypt(key, MessageCrypto.CLIENT, random));
            } else {
                long containerId = msgIds.next();
                for (PendingCall call : calls) {
                    call.containerId = containerId;
                }
                containers.put(containerId, calls);
                packets.add(new Envelope(salt(), sessionId, containerId, seqNos.next(false), Bodies.packContainer(batch))
                        .encrypt(key, MessageCrypto.CLIENT, random));
            }
        }
        return packets;
    }

    /** Takes one packet from the server: decrypts, checks and handles it. Never throws for bad input. */
    public void receive(byte[] packet) {
        Envelope envelope;
        try {
            envelope = Envelope.decrypt(key, packet, MessageCrypto.SERVER);
        } catch (SecurityCheckException | TlDecodeException e) {
            stats.failedChecks.incrementAndGet();
            LOG.debug("dropped a packet: {}", e.getMessage());
            return;
        }
        if (envelope.sessionId() != sessionId) {
            stats.wrongSession.incrementAndGet();
            return;
        }
        handle(new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body()), true);
    }

    /** Calls sent but not answered, queued again (after a reconnect: new msg_ids on the new connection). */
    public void resendUnanswered() {
        List<PendingCall> again = new ArrayList<>(sent.values());
        sent.clear();
        containers.clear();
        for (int i = again.size() - 1; i >= 0; i--) {
            if (!again.get(i).future.isDone()) {
                queue.addFirst(again.get(i));
            }
        }
    }

    /**
     * Moves every call still waiting for an answer to {@code other}, to be sent there anew: used when the server
     * forgot this session's key (transport error −404) and a new key, hence a new session, replaces it.
     */
    public void moveCallsTo(ClientSession other) {
        resendUnanswered();
        for (PendingCall call : queue) {
            if (!call.future.isDone()) {
                other.queue.addLast(call);
            }
        }
        queue.clear();
    }

    /** Fails every call that is queued or waiting, as on close. */
    public void failAll(Throwable cause) {
        for (PendingCall call : sent.values()) {
            call.future.completeExceptionally(cause);
        }
        for (PendingCall call : queue) {
            call.future.completeExceptionally(cause);
        }
        sent.clear();
        queue.clear();
        containers.clear();
    }

    /** What was dropped on receive. */
    public SessionStats stats() {
        return stats;
    }

    /** The current server salt: a future salt valid now (server time), if one is known, else the last one given. */
    public long salt() {
        long now = msgIds.serverSeconds();
        for (FutureSalt future : futureSalts) {
            if (future.validSince() <= now && now < future.validUntil()) {
                return future.salt();
            }
        }
        return salt;
    }

    /**
     * Remembers the salts of a {@code get_future_salts} answer (core.telegram.org/mtproto/service_messages#request-for-several-future-salts),
     * so that the session switches salt as each becomes valid instead of waiting for bad_server_salt.
     */
    public void useFutureSalts(FutureSalts salts) {
        List<FutureSalt> known = new ArrayList<>();
        for (var item : salts.salts()) {
            known.add(item);
        }
        futureSalts = List.copyOf(known);
    }

    /** The server's clock minus ours, in seconds, as corrected so far. */
    public int serverTimeOffset() {
        return msgIds.serverTimeOffset();
    }

    /** The current session id. */
    public long sessionId() {
        return sessionId;
    }

    /** How many calls are waiting for an answer or to be sent. */
    public int outstanding() {
        return sent.size() + queue.size();
    }

    private void handle(InnerMessage message, boolean outer) {
        long msgId = message.msgId();
        int remainder = (int) (msgId & 3);
        if (remainder != 1 && remainder != 3) {
            stats.badMsgIds.incrementAndGet();
            return;
        }
        int constructor = message.constructorId();
        long age = msgIds.serverSeconds() - MessageIdClock.seconds(msgId);
        if ((age > PAST_WINDOW || age < -FUTURE_WINDOW) && !isTimeCorrection(message)) {
            stats.outsideWindow.incrementAndGet();
            return;
        }
        if (constructor != Bodies.MSG_CONTAINER && !seen.add(msgId)) {
            stats.duplicates.incrementAndGet();
            if (message.contentRelated()) {
                acks.addLast(msgId);
            }
            return;
        }
        if (message.contentRelated()) {
            acks.addLast(msgId);
        }
        try {
            dispatch(message, outer);
        } catch (TlDecodeException e) {
            LOG.warn("could not decode message {} (#{}): {}", msgId, Integer.toHexString(constructor), e.getMessage());
        }
    }

    private boolean isTimeCorrection(InnerMessage message) {
        if (message.constructorId() != BadMsgNotification.CONSTRUCTOR_ID) {
            return false;
        }
        int code = decode(message.body(), BadMsgNotification.class).errorCode();
        return code == 16 || code == 17;
    }

    private void dispatch(InnerMessage message, boolean outer) {
        int constructor = message.constructorId();
        switch (constructor) {
            case Bodies.MSG_CONTAINER -> {
                if (!outer) {
                    throw new TlDecodeException("a container inside a container");
                }
                for (InnerMessage inner : Bodies.unpackContainer(message.body())) {
                    handle(inner, false);
                }
            }
            case Bodies.GZIP_PACKED -> dispatch(new InnerMessage(message.msgId(), message.seqNo(),
                    Bodies.unpackGzip(message.body())), outer);
            case Bodies.RPC_RESULT -> onRpcResult(Bodies.unpackRpcResult(message.body()));
            case NewSessionCreated.CONSTRUCTOR_ID -> onNewSession(decode(message.body(), NewSessionCreated.class));
            case BadServerSalt.CONSTRUCTOR_ID -> onBadServerSalt(decode(message.body(), BadServerSalt.class));
            case BadMsgNotification.CONSTRUCTOR_ID -> onBadMsg(decode(message.body(), BadMsgNotification.class),
                    message.msgId());
            case MsgsAck.CONSTRUCTOR_ID -> {
                // Acknowledged calls still wait for their rpc_result; nothing to do.
            }
            case Pong.CONSTRUCTOR_ID -> complete(decode(message.body(), Pong.class).msgId(), message.body());
            case FutureSalts.CONSTRUCTOR_ID -> complete(decode(message.body(), FutureSalts.class).reqMsgId(),
                    message.body());
            case MsgsStateReq.CONSTRUCTOR_ID -> onStateRequest(decode(message.body(), MsgsStateReq.class));
            case MsgResendReq.CONSTRUCTOR_ID -> onResendRequest(decode(message.body(), MsgResendReq.class));
            case MsgDetailedInfo.CONSTRUCTOR_ID -> acks.addLast(decode(message.body(), MsgDetailedInfo.class).answerMsgId());
            case MsgNewDetailedInfo.CONSTRUCTOR_ID -> acks.addLast(
                    decode(message.body(), MsgNewDetailedInfo.class).answerMsgId());
            default -> onUpdate.accept(TlReader.of(message.body(), updates).readObject());
        }
    }

    private void onRpcResult(Bodies.RpcResultBody result) {
        PendingCall call = sent.remove(result.reqMsgId());
        if (call == null) {
            LOG.debug("rpc_result for {}, which no call waits for", result.reqMsgId());
            return;
        }
        byte[] body = Bodies.inflateIfPacked(result.result());
        if (Bodies.constructorId(body) == Bodies.RPC_ERROR) {
            RpcError error = decode(body, RpcError.class);
            call.future.completeExceptionally(RpcException.of(error.errorCode(), error.errorMessage()));
            return;
        }
        try {
            TlReader in = TlReader.of(body, updates);
            Object value = call.method.readResult(in);
            in.expectEnd();
            call.future.complete(value);
        } catch (TlDecodeException e) {
            call.future.completeExceptionally(e);
        }
    }

    /** Completes a call answered outside rpc_result (ping, get_future_salts) with its answer's raw body. */
    private void complete(long reqMsgId, byte[] body) {
        PendingCall call = sent.remove(reqMsgId);
        if (call != null) {
            try {
                call.future.complete(call.method.readResult(TlReader.of(body, updates)));
            } catch (TlDecodeException e) {
                call.future.completeExceptionally(e);
            }
        }
    }

    private void onNewSession(NewSessionCreated created) {
        salt = created.serverSalt();
        // Messages sent before first_msg_id may not have reached this session: send them again.
        List<PendingCall> lost = sent.values().stream().filter(c -> c.msgId < created.firstMsgId()).toList();
        requeue(lost);
    }

    private void onBadServerSalt(BadServerSalt bad) {
        salt = bad.newServerSalt();
        futureSalts = List.of();
        requeue(callsOf(bad.badMsgId()));
    }

    private void onBadMsg(BadMsgNotification bad, long serverMsgId) {
        List<PendingCall> calls = callsOf(bad.badMsgId());
        switch (bad.errorCode()) {
            case 16, 17 -> {
                msgIds.syncWith(serverMsgId);
                requeue(calls);
            }
            case 32, 33 -> {
                // seqno too low or too high: start a new session, as the protocol allows, and send again.
                sessionId = newSessionId();
                seqNos.reset();
                requeue(calls);
            }
            case 48 -> requeue(calls);
            default -> {
                for (PendingCall call : calls) {
                    sent.remove(call.msgId);
                    call.future.completeExceptionally(new ProtocolException("the server refused the message: "
                            + "bad_msg_notification " + bad.errorCode()));
                }
            }
        }
    }

    private void onStateRequest(MsgsStateReq request) {
        byte[] info = new byte[request.msgIds().size()];
        for (int i = 0; i < info.length; i++) {
            long id = request.msgIds().get(i);
            info[i] = (byte) (seen.contains(id) ? 4 : 1);
        }
        serviceQueue.addLast(new MsgsStateInfo(0, info).toByteArray());
    }

    private void onResendRequest(MsgResendReq request) {
        List<PendingCall> calls = new ArrayList<>();
        for (long id : request.msgIds()) {
            calls.addAll(callsOf(id));
        }
        requeue(calls);
    }

    private List<PendingCall> callsOf(long msgId) {
        List<PendingCall> inContainer = containers.remove(msgId);
        if (inContainer != null) {
            return inContainer.stream().filter(c -> sent.containsKey(c.msgId)).toList();
        }
        PendingCall call = sent.get(msgId);
        return call == null ? List.of() : List.of(call);
    }

    private void requeue(List<PendingCall> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            PendingCall call = calls.get(i);
            if (sent.remove(call.msgId) != null && !call.future.isDone()) {
                queue.addFirst(call);
            }
        }
    }

    private static <T> T decode(byte[] body, Class<T> type) {
        TlReader in = TlReader.of(body, dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE);
        TlObject value = in.readObject();
        if (!type.isInstance(value)) {
            throw new TlDecodeException("expected " + type.getSimpleName() + ", found " + value.tlName());
        }
        return type.cast(value);
    }

    private long newSessionId() {
        byte[] bytes = random.bytes(8);
        long id = 0;
        for (byte b : bytes) {
            id = id << 8 | (b & 0xFF);
        }
        return id;
    }
}
