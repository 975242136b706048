package dev.mtqr.mtproto.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy connecting = RetryPolicy.connecting();

    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        assertEquals(Duration.ofMillis(250), connecting.delayAfter(1, () -> 1.0));
        assertEquals(Duration.ofMillis(500), connecting.delayAfter(2, () -> 1.0));
        assertEquals(Duration.ofSeconds(4), connecting.delayAfter(5, () -> 1.0));
        assertEquals(Duration.ofSeconds(5), connecting.delayAfter(6, () -> 1.0));
        assertEquals(Duration.ofSeconds(5), connecting.delayAfter(1000, () -> 1.0), "no overflow far out");
    }

    @Test
    void drawsEachDelayFromItsUpperHalf() {
        assertEquals(Duration.ofMillis(125), connecting.delayAfter(1, () -> 0.0));
        assertEquals(Duration.ofMillis(2000), connecting.delayAfter(5, () -> 0.0));
    }

    @Test
    void givesUpAfterTheAttemptsInARow() {
        assertFalse(connecting.exhausted(4));
        assertTrue(connecting.exhausted(5));
        assertFalse(RetryPolicy.calls().exhausted(1_000_000), "no limit");
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> connecting.delayAfter(0, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1),
                2, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ZERO, 0.5, 0.5, 0));
    }
}
