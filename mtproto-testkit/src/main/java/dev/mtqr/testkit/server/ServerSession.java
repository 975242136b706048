package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.mtproto.session.SeqNos;
import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.layer.BoxedResults;
import dev.mtqr.testkit.layer.LayerConverter;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.MsgsAck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's half of one MTProto session (an auth key and a session_id): what it received (for the msg_id and
 * seqno checks, and the answers it gave), what it owes (answers, acks, pushed updates) and what it sent that the
 * client has not acknowledged yet ({@link SentLog}). Everything but {@link #push} runs under the session's lock;
 * {@link #flush} sends what is owed through the connection that last carried the session, as one message or
 * {@code msg_container}s. When the session comes back on another connection, its unacknowledged messages go out
 * again first, unchanged (core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query: "the server would
 * re-send the missing response at the first opportunity"); a message that goes out again always travels in a
 * container (core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information: it
 * "must not be re-sent on its own with the same msg_id").
 */
final class ServerSession implements SessionHandle {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final ServerDc dc;
    private final ClientKey key;
    private final long sessionId;
    private final ReceivedMessages received;
    private final SeqNos seqNos = new SeqNos();
    private final List<InnerMessage> outgoing = new ArrayList<>();
    private final Set<Long> queued = new HashSet<>();
    private final Set<Long> resending = new HashSet<>();
    private final List<Long> pendingAcks = new ArrayList<>();
    private final SentLog sent;
    private final Queue<byte[]> pushed = new ConcurrentLinkedQueue<>();
    private volatile ServerConnection connection;
    private ServerConnection lastCarrier;
    private boolean announced;

    ServerSession(ServerDc dc, ClientKey key, long sessionId) {
        this.dc = dc;
        this.key = key;
        this.sessionId = sessionId;
        this.received = new ReceivedMessages(dc.settings().receivedWindow());
        this.sent = new SentLog(dc.settings().sentLog());
    }

    @Override
    public int dcId() {
        return dc.id();
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public ClientKey key() {
        return key;
    }

    @Override
    public boolean connected() {
        ServerConnection current = connection;
        return current != null && current.open();
    }

    @Override
    public void push(TlObject update) {
        pushed.add(BoxedResults.toBytes(LayerConverter.toLayer(update, ApiLayer.of(key.layer()))));
        ServerConnection current = connection;
        if (current != null) {
            current.later(this::flushLocked);
        }
    }

    ReceivedMessages received() {
        return received;
    }

    /** The connection that last carried this session, if it is still bound. */
    ServerConnection connection() {
        return connection;
    }

    /**
     * Lets {@code carrier} carry this session's messages from now on. If another connection carried it last, every
     * unacknowledged message is queued again first, in msg_id order.
     */
    void bind(ServerConnection carrier) {
        if (lastCarrier != null && lastCarrier != carrier) {
            List<InnerMessage> again = new ArrayList<>();
            for (InnerMessage message : sent.all()) {
                if (queued.add(message.msgId())) {
                    resending.add(message.msgId());
                    again.add(message);
                }
            }
            outgoing.addAll(0, again);
        }
        lastCarrier = carrier;
        connection = carrier;
    }

    /** Stops sending through {@code carrier} if it is the one in use (it closed). */
    void unbind(ServerConnection carrier) {
        if (connection == carrier) {
            connection = null;
        }
    }

    /** Whether new_session_created is still owed; true only on the first call. */
    boolean announce() {
        if (announced) {
            return false;
        }
        announced = true;
        return true;
    }

    /**
     * Queues an answer (1 mod 4) or a message of the server's own (3 mod 4); a content-related one is kept until the
     * client acknowledges it.
     */
    InnerMessage enqueue(TlObject body, boolean answer, boolean contentRelated) {
        return enqueue(body.toByteArray(), answer, contentRelated);
    }

    InnerMessage enqueue(byte[] body, boolean answer, boolean contentRelated) {
        InnerMessage message = new InnerMessage(dc.msgIds().next(answer), seqNos.next(contentRelated), body);
        outgoing.add(message);
        queued.add(message.msgId());
        if (contentRelated) {
            sent.keep(message);
        }
        return message;
    }

    /** Queues the {@code rpc_result} answering the query {@code reqMsgId}, and remembers it as its answer. */
    void answer(long reqMsgId, byte[] result) {
        InnerMessage message = enqueue(Bodies.packRpcResult(reqMsgId, result), true, true);
        received.answered(reqMsgId, new ReceivedMessages.Answer(message.msgId(), message.body().length));
    }

    /** Queues {@code bad_msg_notification} for a refused message. */
    void refuse(InnerMessage message, int code) {
        enqueue(new BadMsgNotification(message.msgId(), message.seqNo(), code), true, false);
    }

    /** Acknowledges {@code msgId} in the next {@code msgs_ack}. */
    void ack(long msgId) {
        pendingAcks.add(msgId);
    }

    /** Forgets the sent messages the client acknowledged: they will not go out again. */
    void acknowledged(List<Long> msgIds) {
        sent.acknowledged(msgIds);
    }

    /**
     * Queues again the messages of {@code msgIds} that are still kept, with their ids and seqnos (once, if they are
     * queued already); how many were kept.
     */
    int resend(List<Long> msgIds) {
        int found = 0;
        for (long msgId : msgIds) {
            InnerMessage message = sent.get(msgId);
            if (message != null) {
                if (queued.add(msgId)) {
                    resending.add(msgId);
                    outgoing.add(message);
                }
                found++;
            }
        }
        return found;
    }

    /** Sends all that is owed through the bound connection (kept for later if there is none). */
    void flush() {
        byte[] update;
        while ((update = pushed.poll()) != null) {
            enqueue(update, false, true);
        }
        ServerConnection carrier = connection;
        if (carrier == null || !carrier.open()) {
            return;
        }
        if (!pendingAcks.isEmpty()) {
            enqueue(new MsgsAck(List.copyOf(pendingAcks)), false, false);
            pendingAcks.clear();
        }
        if (outgoing.isEmpty()) {
            return;
        }
        List<InnerMessage> batch = List.copyOf(outgoing);
        Set<Long> again = Set.copyOf(resending);
        outgoing.clear();
        queued.clear();
        resending.clear();
        for (List<InnerMessage> packet : OutgoingPackets.split(batch)) {
            boolean answers = packet.stream().anyMatch(m -> m.constructorId() == Bodies.RPC_RESULT);
            if (answers && dc.faults().takeAnswerCutOff()) {
                LOG.info("DC {}: closing the connection instead of sending an answer of {}", dc.id(), this);
                carrier.close();
                return;
            }
            boolean alone = packet.size() == 1 && !again.contains(packet.get(0).msgId());
            carrier.deliver(this, alone ? packet.get(0)
                    : new InnerMessage(dc.msgIds().next(false), seqNos.next(false), Bodies.packContainer(packet)));
        }
    }

    private void flushLocked() {
        synchronized (this) {
            flush();
        }
    }

    @Override
    public String toString() {
        return "ServerSession[dc=" + dc.id() + ", key=" + Long.toHexString(key.id()) + ", session="
                + Long.toHexString(sessionId) + "]";
    }
}
