package dev.mtqr.mtproto.session;

import java.time.Clock;

/**
 * Message identifiers from server-corrected time (core.telegram.org/mtproto/description#message-identifier-msg-id):
 * roughly unixtime × 2^32, strictly increasing, divisible by 4 for a client's messages; a server's are 1 mod 4
 * for answers and 3 mod 4 for messages of its own. Thread-safe.
 */
public final class MessageIdClock {
    private final Clock clock;
    private final int remainder;
    private volatile long offsetMillis;
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

    /** Sets the server's clock minus ours, in seconds (from the key exchange or a bad_msg_notification). */
    public void setServerTimeOffset(long seconds) {
        offsetMillis = seconds * 1000;
    }

    /** Corrects the offset from a server's msg_id, as done on bad_msg_notification 16/17. */
    public void syncWith(long serverMsgId) {
        offsetMillis = (serverMsgId >>> 32) * 1000 + ((serverMsgId & 0xFFFF_FFFFL) * 1000 >>> 32) - clock.millis();
    }

    /** The server's clock minus ours, in seconds. */
    public int serverTimeOffset() {
        return (int) Math.floorDiv(offsetMillis, 1000);
    }

    /** The server-corrected time in unix seconds. */
    public long serverSeconds() {
        return Math.floorDiv(clock.millis() + offsetMillis, 1000);
    }

    /** A new id, greater than every id this clock gave before. */
    public synchronized long next() {
        long now = clock.millis() + offsetMillis;
        long seconds = Math.floorDiv(now, 1000);
        long fraction = (Math.floorMod(now, 1000L) << 32) / 1000;
        long id = (seconds << 32 | fraction) & ~3L | remainder;
        if (id <= last) {
            id = last + 4;
        }
        last = id;
        return id;
    }

    /** The unix time, in seconds, that {@code msgId} carries. */
    public static long seconds(long msgId) {
        return msgId >>> 32;
    }
}
