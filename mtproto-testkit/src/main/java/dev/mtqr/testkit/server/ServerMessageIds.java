package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.MessageIdClock;
import java.time.Clock;

/**
 * A DC's message ids (core.telegram.org/mtproto/description#message-identifier-msg-id): 1 mod 4 for answers,
 * 3 mod 4 for messages of its own, from the two {@link MessageIdClock#server} clocks, and strictly increasing across
 * both so that a client's replay window never sees one go back. Thread-safe.
 */
final class ServerMessageIds {
    private final MessageIdClock answers;
    private final MessageIdClock own;
    private long last;

    ServerMessageIds(Clock clock) {
        this.answers = MessageIdClock.server(clock, true);
        this.own = MessageIdClock.server(clock, false);
    }

    /** A new id: an answer's ({@code answer}) or the server's own. */
    synchronized long next(boolean answer) {
        MessageIdClock clock = answer ? answers : own;
        long id = clock.next();
        while (id <= last) {
            id = clock.next();
        }
        last = id;
        return id;
    }
}
