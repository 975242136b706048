package dev.mtqr.mtproto.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a session dropped or repaired on receive, counted so that tests and operators can see it. Written by the
 * session's thread, readable from any.
 */
public final class SessionStats {
    final AtomicLong failedChecks = new AtomicLong();
    final AtomicLong wrongSession = new AtomicLong();
    final AtomicLong outsideWindow = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong badMsgIds = new AtomicLong();
    final AtomicLong undecodable = new AtomicLong();
    final AtomicLong resentCopies = new AtomicLong();
    final AtomicLong renewals = new AtomicLong();
    final AtomicLong refusals = new AtomicLong();

    /** Packets refused by the msg_key, auth_key_id, length or padding checks. */
    public long failedChecks() {
        return failedChecks.get();
    }

    /** Messages for a session id that is neither the current one nor one just replaced. */
    public long wrongSession() {
        return wrongSession.get();
    }

    /** Messages whose msg_id lies more than 300 s before or 30 s after the server-corrected time. */
    public long outsideWindow() {
        return outsideWindow.get();
    }

    /** Messages seen before (replays, answers sent again), ignored. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Server messages whose msg_id is not 1 or 3 mod 4. */
    public long badMsgIds() {
        return badMsgIds.get();
    }

    /** Authentic messages whose body could not be decoded (malformed TL, gzip within gzip…), dropped. */
    public long undecodable() {
        return undecodable.get();
    }

    /** Calls sent again under their original msg_id (after a reconnect, or when the server asked). */
    public long resentCopies() {
        return resentCopies.get();
    }

    /** Messages of ours the server refused (bad_msg_notification, bad_server_salt) and we repaired. */
    public long refusals() {
        return refusals.get();
    }

    /** Times the session id was replaced (clock stepped back, seqno refused). */
    public long renewals() {
        return renewals.get();
    }

    @Override
    public String toString() {
        return "SessionStats[failedChecks=" + failedChecks + ", wrongSession=" + wrongSession + ", outsideWindow="
                + outsideWindow + ", duplicates=" + duplicates + ", badMsgIds=" + badMsgIds + ", undecodable="
                + undecodable + ", resentCopies=" + resentCopies + ", renewals=" + renewals + ", refusals=" + refusals + "]";
    }
}
