package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlMethod;
import java.util.Objects;

/**
 * One call on its way through a session, and what is known of its delivery
 * (core.telegram.org/mtproto/service_messages_about_messages): {@link Delivery#QUEUED} until it goes out;
 * {@link Delivery#SENT} under {@link #msgId()}, {@link #copies()} times so far; {@link Delivery#RECEIVED} once the
 * server acknowledged it (its answer will come); {@link Delivery#ASKED} while its state is asked with
 * {@code msgs_state_req}; {@link Delivery#DONE} once answered, failed or abandoned. A call is sent under a new msg_id
 * only while the server cannot have it: never sent, or refused on its first copy, or reported not received.
 *
 * <p>Confined to the thread of its session. The outcome goes to the {@link Outcome} given at creation, once.
 */
public final class OutboundCall {
    /** What a call's delivery is known to be. */
    public enum Delivery { QUEUED, SENT, RECEIVED, ASKED, DONE }

    /** Receives a call's outcome, on the session's thread. */
    public interface Outcome {
        void succeeded(Object value);

        void failed(Throwable error);
    }

    final TlMethod<?> method;
    final byte[] body;
    final boolean internal;
    private final Outcome outcome;
    Delivery delivery = Delivery.QUEUED;
    long msgId;
    int seqNo;
    /** The msg_id of the packet (container or lone message) that carried its latest copy. */
    long packetId;
    int copies;
    /** The session it was last sent in. */
    long sessionId;
    /** The connection (as the session counts them) its first copy went out on. */
    int firstConnection;
    /** Set when its session was replaced while its outcome was open: answers may still come in that session. */
    boolean retiring;

    private OutboundCall(TlMethod<?> method, byte[] body, boolean internal, Outcome outcome) {
        this.method = Objects.requireNonNull(method, "method");
        this.body = body;
        this.internal = internal;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** A caller's call: carried across connections, failed with a typed error when its outcome cannot be known. */
    public static OutboundCall of(TlMethod<?> method, Outcome outcome) {
        return new OutboundCall(method, Bodies.encodeCall(method), false, outcome);
    }

    /**
     * A call the connection makes for itself (initConnection, pings, future salts): it belongs to one connection, is
     * not sent again on another, and is dropped without an outcome when its connection goes.
     */
    public static OutboundCall internal(TlMethod<?> method, Outcome outcome) {
        return new OutboundCall(method, Bodies.encodeCall(method), true, outcome);
    }

    public TlMethod<?> method() {
        return method;
    }

    /** The TL name of the method, such as {@code help.getConfig}. */
    public String name() {
        return method.tlName();
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The msg_id it was last sent under, or 0. */
    public long msgId() {
        return msgId;
    }

    /** How many times it went out under its current msg_id. */
    public int copies() {
        return copies;
    }

    public boolean done() {
        return delivery == Delivery.DONE;
    }

    /** Gives the call up without an outcome (the caller cancelled it or stopped waiting); its answer is ignored. */
    public void abandon() {
        delivery = Delivery.DONE;
    }

    /** Completes the call with {@code value}, unless it is done already. */
    public void succeed(Object value) {
        if (delivery != Delivery.DONE) {
            delivery = Delivery.DONE;
            outcome.succeeded(value);
        }
    }

    /** Fails the call with {@code error}, unless it is done already. */
    public void fail(Throwable error) {
        if (delivery != Delivery.DONE) {
            delivery = Delivery.DONE;
            outcome.failed(error);
        }
    }

    /** Back to the queue, to go out under a new msg_id (the server cannot have it). */
    void requeue() {
        delivery = Delivery.QUEUED;
        msgId = 0;
        seqNo = 0;
        packetId = 0;
        copies = 0;
        retiring = false;
    }

    @Override
    public String toString() {
        return "OutboundCall[" + name() + ", " + delivery + (msgId == 0 ? "" : ", msgId=" + msgId + " x" + copies) + "]";
    }
}
