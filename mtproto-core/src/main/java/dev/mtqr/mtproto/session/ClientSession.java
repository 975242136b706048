package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The client half of an encrypted MTProto session (core.telegram.org/mtproto/description, /service_messages,
 * /service_messages_about_messages), independent of any transport: calls in, packets out ({@link #drain}); packets
 * in ({@link #receive}), answers and updates out. One session (one session_id) outlives the connections that carry
 * it, and delivers each call at most once:
 *
 * <ul>
 *   <li>on a new connection ({@link #connectionOpened}) an unanswered call goes out again under its original msg_id
 *       while the server still accepts that id, so that a server which executed it answers from what it kept; after
 *       that its state is asked with {@code msgs_state_req};</li>
 *   <li>a call goes out under a new msg_id only when the server cannot have it: refused on its first copy
 *       ({@code bad_msg_notification}, {@code bad_server_salt}), reported not received ({@code msgs_state_info}), or
 *       sent before the packet that created the session on the server ({@code new_session_created});</li>
 *   <li>when the session must be replaced (the clock stepped back, a seqno was refused), calls whose outcome is open
 *       still take their answers in the old session for a while ({@link #expireRetiring}), then fail with
 *       {@link OutcomeUnknownException}; duplicate answers are ignored.</li>
 * </ul>
 *
 * <p>Each service message has a handler of its own, as in the test server ({@code RpcResultHandler},
 * {@code BadMsgHandler}, {@code NewSessionHandler}…). {@link #receive} never throws: a packet that fails decryption
 * is reported so that the connection can be dropped, anything else that cannot be used is counted in
 * {@link #stats()} and dropped. Not thread-safe: one thread (a DC link's) owns it.
 */
public final class ClientSession {
    /** How long an original msg_id is sent again as is; the server refuses ids older than 300 s. */
    static final long SAME_ID_FOR_MILLIS = 240_000;
    /** How far ahead of the server's time an id may be to be sent again as is; the server refuses beyond 30 s. */
    static final long SAME_ID_AHEAD_MILLIS = 25_000;
    static final long PAST_WINDOW = 300;
    static final long FUTURE_WINDOW = 30;
    private static final int RETIRED_KEPT = 4;
    private static final int SEEN_KEPT = 4096;

    /** What the owner of a session hears from it. */
    public interface Events {
        /** Something the server pushed that answers no call (updates); decoded with the API's registry. */
        void update(TlObject update);

        /** The session id was replaced: send {@code initConnection} again, first, and expire the retiring calls. */
        void renewed();
    }

    /** What became of a packet given to {@link #receive}. */
    public enum Receipt {
        /** Authentic and for this session (or one just replaced): handled. */
        ACCEPTED,
        /** Authentic, but for another session: ignored. */
        IGNORED,
        /** Failed decryption or its checks: the connection should be dropped and made again. */
        UNDECRYPTABLE
    }

    final AuthKey key;
    final RandomSource random;
    final MessageIdClock msgIds;
    final TlRegistry registry;
    final Events events;
    final SeqNos seqNos = new SeqNos();
    SeenMessages seen = new SeenMessages(SEEN_KEPT);
    final SessionStats stats = new SessionStats();
    final CallTable calls = new CallTable();
    final ServerSalts salts;
    private final Outbox outbox = new Outbox();
    /** The sessions replaced lately, with what was received in each (their answers may still come). */
    private final LinkedHashMap<Long, SeenMessages> retired = new LinkedHashMap<>();
    private long sessionId;
    private int connection;

    /**
     * @param key        the auth key of this DC
     * @param salt       the current server salt
     * @param timeOffset the server's clock minus ours, in seconds
     * @param registry   how to decode answers and updates (the API's registry)
     * @param events     hears updates and renewals; called on the owning thread, so it must not block
     */
    public ClientSession(AuthKey key, long salt, int timeOffset, RandomSource random, Clock clock, TlRegistry registry,
            Events events) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = random;
        this.salts = new ServerSalts(salt);
        this.msgIds = MessageIdClock.client(clock);
        this.msgIds.setServerTimeOffset(timeOffset);
        this.registry = registry;
        this.events = events;
        this.sessionId = newSessionId();
    }

    /** Queues a call to go out under a new msg_id. */
    public void enqueue(OutboundCall call) {
        outbox.add(new Outbox.Fresh(call));
    }

    /**
     * A new connection carries the session from now on: {@code init} (initConnection) goes first; then each call
     * sent and not known to be received goes out again under its original msg_id, or, if that id has grown too old,
     * has its state asked; calls the previous connection made for itself are dropped. Calls the server acknowledged
     * need nothing: it sends their answers again by itself.
     */
    public void connectionOpened(OutboundCall init) {
        connection++;
        List<Outbox.Item> next = new ArrayList<>();
        next.add(new Outbox.Fresh(init));
        Set<OutboundCall> asking = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CallTable.StateRequest request : calls.takeAllStateRequests()) {
            asking.addAll(request.asked());
        }
        List<OutboundCall> ask = new ArrayList<>();
        for (OutboundCall call : asking) {
            if (!call.done() && !call.retiring) {
                ask.add(call);
            }
        }
        for (OutboundCall call : calls.open()) {
            if (call.internal) {
                call.abandon();
                calls.remove(call);
            } else if (!call.retiring && call.delivery == OutboundCall.Delivery.SENT) {
                if (sameIdValid(call)) {
                    next.add(new Outbox.Copy(call));
                } else {
                    ask.add(call);
                }
            } else if (!call.retiring && call.delivery == OutboundCall.Delivery.ASKED && asking.add(call)) {
                ask.add(call);
            }
        }
        if (!ask.isEmpty()) {
            next.add(stateRequest(ask));
        }
        outbox.restart(next, item -> item instanceof Outbox.Fresh fresh && !fresh.call().internal);
    }

    /** Whether {@link #drain()} has anything to send. */
    public boolean hasOutgoing() {
        return !outbox.isEmpty();
    }

    /** Whether only acknowledgments wait to go out (which may wait a little to travel with something else). */
    public boolean onlyAcksPending() {
        return outbox.onlyAcks();
    }

    /** Encrypted packets for everything queued: acks, service messages and calls, in containers where several. */
    public List<byte[]> drain() {
        return outbox.drain(this);
    }

    /** Takes one packet from the server: decrypts, checks and handles it. Never throws. */
    public Receipt receive(byte[] packet) {
        Envelope envelope;
        try {
            envelope = Envelope.decrypt(key, packet, MessageCrypto.SERVER);
        } catch (RuntimeException e) {
            stats.failedChecks.incrementAndGet();
            return Receipt.UNDECRYPTABLE;
        }
        boolean current = envelope.sessionId() == sessionId;
        SeenMessages seenHere = current ? seen : retired.get(envelope.sessionId());
        if (seenHere == null) {
            stats.wrongSession.incrementAndGet();
            return Receipt.IGNORED;
        }
        try {
            MessageDispatcher.handle(this, new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body()), true,
                    current, seenHere);
        } catch (RuntimeException e) {
            stats.undecodable.incrementAndGet();
        }
        return Receipt.ACCEPTED;
    }

    /**
     * The connection just closed turned out not to reach an MTProto server (it answered with something else, such as
     * HTTP): calls that went out on it for the first time reached no server and go back to the queue.
     */
    public void peerWasNotMtproto() {
        for (OutboundCall call : calls.open()) {
            if (call.firstConnection == connection && call.copies == 1 && call.delivery == OutboundCall.Delivery.SENT
                    && !call.retiring) {
                if (call.internal) {
                    call.abandon();
                    calls.remove(call);
                } else {
                    requeueFresh(call);
                }
            }
        }
    }

    /** Fails every open call with {@code cause}, as when the client closes. */
    public void failAll(Throwable cause) {
        for (OutboundCall call : openCalls()) {
            call.fail(cause);
        }
        forgetAll();
    }

    /**
     * The session is given up (its key was forgotten by the server, or a new key replaces it): returns the callers'
     * calls that never went out, to be carried into the next session; calls that went out fail with
     * {@link OutcomeUnknownException} caused by {@code why}.
     */
    public List<OutboundCall> abandon(Throwable why) {
        return endAll(null, "its session was given up", why);
    }

    /**
     * No connection could be made: calls that never went out fail with {@code cause}; calls that went out fail with
     * {@link OutcomeUnknownException} caused by it. The session itself stays, for later connections.
     */
    public void giveUp(Throwable cause) {
        endAll(cause, "no connection to the server", cause);
    }

    /**
     * Ends every open call: the connection's own are dropped, those that went out fail with
     * {@link OutcomeUnknownException} ({@code why}, caused by {@code cause}), and those that never went out fail with
     * {@code unsent} or, if it is null, are returned to be carried elsewhere.
     */
    private List<OutboundCall> endAll(Throwable unsent, String why, Throwable cause) {
        List<OutboundCall> carry = new ArrayList<>();
        for (OutboundCall call : openCalls()) {
            if (call.internal) {
                call.abandon();
            } else if (call.delivery != OutboundCall.Delivery.QUEUED) {
                call.fail(new OutcomeUnknownException(call.name(), why + " (" + cause.getMessage() + ")", cause));
            } else if (unsent != null) {
                call.fail(unsent);
            } else {
                carry.add(call);
            }
        }
        forgetAll();
        return carry;
    }

    /** Whether some calls wait for answers in a session that was replaced (for tests: it looks at every call). */
    public boolean hasRetiring() {
        for (OutboundCall call : calls.open()) {
            if (call.retiring) {
                return true;
            }
        }
        return false;
    }

    /** Calls still waiting in a replaced session fail with {@link OutcomeUnknownException}: their answers are lost. */
    public void expireRetiring() {
        for (OutboundCall call : calls.open()) {
            if (call.retiring) {
                calls.remove(call);
                call.fail(new OutcomeUnknownException(call.name(), "its session had to be replaced and no answer came",
                        null));
            }
        }
    }

    /** What was dropped or repaired on receive. */
    public SessionStats stats() {
        return stats;
    }

    /** The current server salt. */
    public long salt() {
        return salts.at(msgIds.serverSeconds());
    }

    /** The last salt the server named, as the store should keep it. */
    public long namedSalt() {
        return salts.named();
    }

    /** Remembers the salts of a {@code get_future_salts} answer. */
    public void useFutureSalts(dev.mtqr.tl.mtproto.FutureSalts future) {
        salts.useFuture(future);
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
        int[] queued = new int[1];
        outbox.forEachFresh(call -> {
            if (!call.done()) {
                queued[0]++;
            }
        });
        return calls.open().size() + queued[0];
    }

    // ---- for the handlers

    /** Acknowledges the server's message {@code msgId} in the next {@code msgs_ack}. */
    void ack(long msgId) {
        outbox.ack(msgId);
    }

    /** Queues a content-related service message (msgs_state_info, msg_resend_req…). */
    void sendService(TlObject body) {
        outbox.add(new Outbox.Service(body.toByteArray(), null));
    }

    /** Queues {@code call} to go out again under a new msg_id: the server cannot have it. */
    void requeueFresh(OutboundCall call) {
        calls.remove(call);
        call.requeue();
        outbox.add(new Outbox.Fresh(call));
    }

    /** Queues a copy of {@code call} under its original msg_id and seqno. */
    void resendCopy(OutboundCall call) {
        outbox.add(new Outbox.Copy(call));
    }

    /** Asks the server for the state of {@code asked} with one {@code msgs_state_req}. */
    void ask(List<OutboundCall> asked) {
        if (!asked.isEmpty()) {
            outbox.add(stateRequest(asked));
        }
    }

    /**
     * {@code refused} were refused by the server (their copy was not taken in). A call whose refused copy was its
     * first under that msg_id cannot have reached the server: it goes out under a new one. Otherwise an earlier copy
     * may have: after a salt refusal the same id goes out again (the salt is checked before duplicates), else its
     * state is asked — unless the server has already acknowledged it.
     */
    void refused(List<OutboundCall> refused, boolean saltOnly) {
        List<OutboundCall> ask = new ArrayList<>();
        for (OutboundCall call : refused) {
            if (call.copies <= 1) {
                requeueFresh(call);
            } else if (call.delivery == OutboundCall.Delivery.RECEIVED) {
                continue;
            } else if (saltOnly && !call.retiring && sameIdValid(call)) {
                resendCopy(call);
            } else if (call.retiring) {
                continue;
            } else {
                ask.add(call);
            }
        }
        ask(ask);
    }

    /**
     * Replaces the session id (core.telegram.org/mtproto/description#session: a client may start a new session at
     * any time): msg_ids and seqnos start again. Calls sent in the old session and not settled become retiring: their
     * answers are still taken in the old session until {@link #expireRetiring}.
     */
    void renew() {
        long old = sessionId;
        retired.put(old, seen);
        while (retired.size() > RETIRED_KEPT) {
            retired.remove(retired.keySet().iterator().next());
        }
        seen = new SeenMessages(SEEN_KEPT);
        sessionId = newSessionId();
        seqNos.reset();
        msgIds.restart();
        outbox.clearAcks();
        stats.renewals.incrementAndGet();
        for (CallTable.StateRequest request : calls.takeAllStateRequests()) {
            request.asked().forEach(call -> call.retiring = true);
        }
        for (OutboundCall call : calls.open()) {
            if (call.internal) {
                call.abandon();
                calls.remove(call);
            } else if (call.sessionId == old) {
                call.retiring = true;
            }
        }
        outbox.removeIf(item -> item instanceof Outbox.Copy
                || item instanceof Outbox.Service service && service.asked() != null
                || item instanceof Outbox.Fresh fresh && fresh.call().internal);
        events.renewed();
    }

    /** Decodes a boxed object with the session's registry. */
    TlObject decode(byte[] body) {
        return TlReader.of(body, registry).readObject();
    }

    // ---- internals

    private boolean sameIdValid(OutboundCall call) {
        long age = msgIds.serverMillis() - MessageIdClock.millisOf(call.msgId);
        return age < SAME_ID_FOR_MILLIS && age > -SAME_ID_AHEAD_MILLIS;
    }

    private Outbox.Service stateRequest(List<OutboundCall> asked) {
        List<Long> ids = new ArrayList<>();
        for (OutboundCall call : asked) {
            call.delivery = OutboundCall.Delivery.ASKED;
            ids.add(call.msgId);
        }
        return new Outbox.Service(new MsgsStateReq(ids).toByteArray(), List.copyOf(asked));
    }

    private List<OutboundCall> openCalls() {
        Set<OutboundCall> open = Collections.newSetFromMap(new IdentityHashMap<>());
        List<OutboundCall> ordered = new ArrayList<>();
        for (OutboundCall call : calls.open()) {
            if (open.add(call)) {
                ordered.add(call);
            }
        }
        outbox.forEachFresh(call -> {
            if (!call.done() && open.add(call)) {
                ordered.add(call);
            }
        });
        return ordered;
    }

    private void forgetAll() {
        calls.clear();
        outbox.clear();
    }

    /** The connection the session is on, as it counts them. */
    int connection() {
        return connection;
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
