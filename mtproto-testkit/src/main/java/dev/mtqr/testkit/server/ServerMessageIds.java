package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.MessageIdClock;
import java.time.Clock;
import java.util.TreeSet;

/**
 * A DC's message ids (core.telegram.org/mtproto/description#message-identifier-msg-id): the server's time × 2^32,
 * 1 mod 4 for answers and 3 mod 4 for messages of its own, increasing while its clock does. When its clock is set
 * back, the ids follow it back, as a real server's would (so a bad_msg_notification tells the client the server's
 * time), and none repeats one given in the last 330 s. Thread-safe.
 */
final class ServerMessageIds {
    private static final long REMEMBER_MILLIS = 330_000;
    private static final long TICK_MILLIS = 1000;

    private final Clock clock;
    private final TreeSet<Long> recent = new TreeSet<>();
    private long last;

    ServerMessageIds(Clock clock) {
        this.clock = clock;
    }

    /** A new id: an answer's ({@code answer}) or the server's own. */
    synchronized long next(boolean answer) {
        long remainder = answer ? 1 : 3;
        long now = clock.millis();
        long seconds = Math.floorDiv(now, 1000);
        long id = (seconds << 32 | (Math.floorMod(now, 1000L) << 32) / 1000) & ~3L | remainder;
        if (id <= last && MessageIdClock.millisOf(last) - now < TICK_MILLIS) {
            id = after(last, remainder);
        }
        while (recent.contains(id)) {
            id = after(id, remainder);
        }
        recent.add(id);
        last = id;
        long forget = now - REMEMBER_MILLIS;
        while (!recent.isEmpty() && MessageIdClock.millisOf(recent.first()) < forget) {
            recent.pollFirst();
        }
        return id;
    }

    private static long after(long id, long remainder) {
        long next = id & ~3L | remainder;
        return next <= id ? next + 4 : next;
    }
}
