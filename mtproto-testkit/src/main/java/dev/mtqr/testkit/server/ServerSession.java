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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The server's half of one MTProto session (an auth key and a session_id): what it received (for the msg_id and
 * seqno checks), what it owes (answers, acks, pushed updates) and what it sent (for {@code msg_resend_req}).
 * Everything but {@link #push} runs under the session's lock; {@link #flush} sends what is owed through the
 * connection that last carried the session, as one message or a {@code msg_container}.
 */
final class ServerSession implements SessionHandle {
    private final ServerDc dc;
    private final ClientKey key;
    private final long sessionId;
    private final ReceivedMessages received;
    private final SeqNos seqNos = new SeqNos();
    private final List<InnerMessage> outgoing = new ArrayList<>();
    private final List<Long> pendingAcks = new ArrayList<>();
    private final Map<Long, InnerMessage> sent;
    private final Queue<byte[]> pushed = new ConcurrentLinkedQueue<>();
    private volatile ServerConnection connection;
    private boolean announced;

    ServerSession(ServerDc dc, ClientKey key, long sessionId) {
        this.dc = dc;
        this.key = key;
        this.sessionId = sessionId;
        this.received = new ReceivedMessages(dc.settings().receivedWindow());
        int sentLog = dc.settings().sentLog();
        this.sent = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, InnerMessage> eldest) {
                return size() > sentLog;
            }
        };
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

    /** Lets {@code carrier} carry this session's messages from now on. */
    void bind(ServerConnection carrier) {
        this.connection = carrier;
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

    /** Queues an answer (1 mod 4) or a message of the server's own (3 mod 4). */
    InnerMessage enqueue(TlObject body, boolean answer, boolean contentRelated) {
        return enqueue(body.toByteArray(), answer, contentRelated);
    }

    InnerMessage enqueue(byte[] body, boolean answer, boolean contentRelated) {
        InnerMessage message = new InnerMessage(dc.msgIds().next(answer), seqNos.next(contentRelated), body);
        outgoing.add(message);
        return message;
    }

    /** Queues {@code bad_msg_notification} for a refused message. */
    void refuse(InnerMessage message, int code) {
        enqueue(new BadMsgNotification(message.msgId(), message.seqNo(), code), true, false);
    }

    /** Acknowledges {@code msgId} in the next {@code msgs_ack}. */
    void ack(long msgId) {
        pendingAcks.add(msgId);
    }

    /** Queues again the messages of {@code msgIds} that are still in the log, with their ids and seqnos. */
    int resend(List<Long> msgIds) {
        int found = 0;
        for (long msgId : msgIds) {
            InnerMessage message = sent.get(msgId);
            if (message != null) {
                outgoing.add(message);
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
        for (InnerMessage message : outgoing) {
            if (message.contentRelated()) {
                sent.put(message.msgId(), message);
            }
        }
        InnerMessage single = outgoing.size() == 1 ? outgoing.get(0)
                : new InnerMessage(dc.msgIds().next(false), seqNos.next(false), Bodies.packContainer(outgoing));
        outgoing.clear();
        carrier.deliver(this, single);
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
