package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.tl.mtproto.FutureSalt;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaltsTest {
    private final MutableClock clock = new MutableClock();
    private final Salts salts = new Salts(clock, RandomSource.secure(), Duration.ofHours(1), Duration.ofMinutes(30));

    @Test
    void theFutureSaltsBecomeCurrentInTurn() {
        List<FutureSalt> future = salts.future(3);
        assertEquals(future.get(0).salt(), salts.current());
        clock.advance(Duration.ofHours(1));
        assertEquals(future.get(1).salt(), salts.current());
        clock.advance(Duration.ofHours(1));
        assertEquals(future.get(2).salt(), salts.current());
    }

    @Test
    void eachSaltIsValidForAPeriodStartingWhereTheLastEnds() {
        List<FutureSalt> future = salts.future(4);
        for (FutureSalt salt : future) {
            assertEquals(3600, salt.validUntil() - salt.validSince());
        }
        assertEquals(future.get(0).validUntil(), future.get(1).validSince());
        assertEquals(clock.millis() / 1000, future.get(0).validSince());
    }

    @Test
    void rotatingNowReplacesTheCurrentSaltAndTheSchedule() {
        long before = salts.current();
        long plannedNext = salts.future(2).get(1).salt();
        salts.rotateNow();
        assertNotEquals(before, salts.current());
        assertTrue(salts.accepts(before));
        assertNotEquals(plannedNext, salts.future(2).get(1).salt());
        clock.advance(Duration.ofMinutes(30));
        assertFalse(salts.accepts(before));
    }

    @Test
    void onlyOnePreviousSaltIsAccepted() {
        long first = salts.current();
        salts.rotateNow();
        long second = salts.current();
        salts.rotateNow();
        assertFalse(salts.accepts(first));
        assertTrue(salts.accepts(second));
        assertFalse(salts.accepts(0));
    }
}
