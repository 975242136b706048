package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageIdClockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 500_000_000), ZoneOffset.UTC);

    @Test
    void clientIdsAreDivisibleByFourAndStrictlyIncreasingEvenWhenTimeStandsStill() {
        MessageIdClock ids = MessageIdClock.client(CLOCK);
        long previous = 0;
        for (int i = 0; i < 1000; i++) {
            long id = ids.next();
            assertEquals(0, id % 4);
            assertTrue(id > previous);
            previous = id;
        }
        assertEquals(1_700_000_000L, MessageIdClock.seconds(previous));
    }

    @Test
    void serverIdsAreOneOrThreeModFour() {
        assertEquals(1, MessageIdClock.server(CLOCK, true).next() & 3);
        assertEquals(3, MessageIdClock.server(CLOCK, false).next() & 3);
    }

    @Test
    void carriesUnixTimeTimesTwoToTheThirtySecond() {
        long id = MessageIdClock.client(CLOCK).next();
        assertEquals(1_700_000_000L, id >>> 32);
        assertEquals(0x8000_0000L, id & 0xFFFF_FFFFL, "half a second is half of 2^32");
    }

    @Test
    void appliesTheServerOffsetAndLearnsItFromAServerId() {
        MessageIdClock ids = MessageIdClock.client(CLOCK);
        ids.setServerTimeOffset(-3600);
        assertEquals(1_700_000_000L - 3600, MessageIdClock.seconds(ids.next()));
        long serverId = MessageIdClock.server(Clock.offset(CLOCK, java.time.Duration.ofSeconds(42)), true).next();
        MessageIdClock fresh = MessageIdClock.client(CLOCK);
        fresh.syncWith(serverId);
        assertEquals(42, fresh.serverTimeOffset());
    }
}
