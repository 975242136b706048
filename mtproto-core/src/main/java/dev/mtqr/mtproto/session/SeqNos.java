package dev.mtqr.mtproto.session;

/**
 * Message sequence numbers (core.telegram.org/mtproto/description#message-sequence-number-msg-seqno): twice the
 * number of content-related messages sent before, plus one for a content-related message. Acks, containers and
 * other service wrappers are not content-related. Thread-safe.
 */
public final class SeqNos {
    private int contentRelated;

    /** The seqno of the next message. */
    public synchronized int next(boolean contentRelated) {
        if (contentRelated) {
            return 2 * this.contentRelated++ + 1;
        }
        return 2 * this.contentRelated;
    }

    /** Starts again from zero, as after new_session_created or a new session id. */
    public synchronized void reset() {
        contentRelated = 0;
    }
}
