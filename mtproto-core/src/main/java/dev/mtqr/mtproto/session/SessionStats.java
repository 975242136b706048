package dev.mtqr.mtproto.session;

import java.util.concurrent.atomic.AtomicLong;

/** What a session dropped on receive, counted so that tests and operators can see it. */
public final class SessionStats {
    final AtomicLong failedChecks = new AtomicLong();
    final AtomicLong wrongSession = new AtomicLong();
    final AtomicLong outsideWindow = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong badMsgIds = new AtomicLong();

    /** Packets refused by the msg_key, auth_key_id, length or padding checks. */
    public long failedChecks() {
        return failedChecks.get();
    }

    /** Messages for another session id. */
    public long wrongSession() {
        return wrongSession.get();
    }

    /** Messages whose msg_id lies more than 300 s before or 30 s after the server-corrected time. */
    public long outsideWindow() {
        return outsideWindow.get();
    }

    /** Messages seen before (replays), ignored. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Server messages whose msg_id is not 1 or 3 mod 4. */
    public long badMsgIds() {
        return badMsgIds.get();
    }

    @Override
    public String toString() {
        return "SessionStats[failedChecks=" + failedChecks + ", wrongSession=" + wrongSession + ", outsideWindow="
                + outsideWindow + ", duplicates=" + duplicates + ", badMsgIds=" + badMsgIds + "]";
    }
}
