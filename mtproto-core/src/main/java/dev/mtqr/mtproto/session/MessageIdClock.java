package dev.mtqr.mtproto.session;

import java.time.Clock;

/**
 * Message identifiers from server-corrected time (core.telegram.org/mtproto/description#message-identifier-msg-id):
 * roughly unixtime × 2^32, strictly increasing within a session, divisible by 4 for a client's messages; a server's
 * are 1 mod 4 for answers and 3 mod 4 for messages of its own.
 *
 * <p>When a correction moves the time back below ids already given ({@link #syncWith} says so), the ids of the
 * session can no longer both increase and be valid: the session must be replaced, and {@link #restart} lets the
 * ids follow the corrected time again. Not thread-safe: one session's thread owns it.
 */
public final class MessageIdClock {
    private final Clock clock;
    private final int remainder;
    private long offsetMillis;
    private long last;

    /** Ids for a client: divisible by 4. */
    public static MessageIdClock client(Clock clock) {
        return new MessageIdClock(clock, 0);
    }

    /** Ids for a server's answers (1 mod 4) or its own messages (3 mod 4). */
    public static MessageIdClock server(Clock clock, boolean answer) {
        return new MessageIdClock(clock, answer ? 1 : 3);
    }

    private MessageIdClock(Clock clock, int remainder) {
        this.clock = clock;
        this.remainder = remainder;
    }

    /** Sets the server's clock minus ours, in seconds (from the key exchange or a stored session). */
    public void setServerTimeOffset(long seconds) {
        offsetMillis = seconds * 1000;
    }

    /**
     * Takes the server's time from one of its msg_ids, as on bad_msg_notification 16/17. Returns true when the
     * corrected time now lies below the last id given: the session must be replaced (then call {@link #restart}).
     */
    public boolean syncWith(long serverMsgId) {
        offsetMillis = millisOf(serverMsgId) - clock.millis();
        return last != 0 && Long.compareUnsigned(idAt(clock.millis() + offsetMillis), last) < 0;
    }

    /** Forgets the ids given so far, for a new session. */
    public void restart() {
        last = 0;
    }

    /** The server's clock minus ours, in seconds. */
    public int serverTimeOffset() {
        return (int) Math.floorDiv(offsetMillis, 1000);
    }

    /** The server-corrected time in unix seconds. */
    public long serverSeconds() {
        return Math.floorDiv(clock.millis() + offsetMillis, 1000);
    }

    /** The server-corrected time in unix milliseconds. */
    public long serverMillis() {
        return clock.millis() + offsetMillis;
    }

    /** A new id, greater than every id this clock gave since it (re)started. */
    public long next() {
        long id = idAt(clock.millis() + offsetMillis);
        if (Long.compareUnsigned(id, last) <= 0) {
            id = last + 4;
        }
        last = id;
        return id;
    }

    private long idAt(long millis) {
        long seconds = Math.floorDiv(millis, 1000);
        long fraction = (Math.floorMod(millis, 1000L) << 32) / 1000;
        return (seconds << 32 | fraction) & ~3L | remainder;
    }

    /** The unix time, in seconds, that {@code msgId} carries. */
    public static long seconds(long msgId) {
        return msgId >>> 32;
    }

    /** The unix time, in milliseconds, that {@code msgId} carries. */
    public static long millisOf(long msgId) {
        return (msgId >>> 32) * 1000 + ((msgId & 0xFFFF_FFFFL) * 1000 >>> 32);
    }
}
