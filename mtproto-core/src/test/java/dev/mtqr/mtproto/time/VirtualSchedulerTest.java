package dev.mtqr.mtproto.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    private final VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void runsTimersInTheOrderTheyFallDueMovingTimeToEach() {
        List<String> ran = new ArrayList<>();
        time.schedule(Duration.ofSeconds(3), () -> ran.add("3 s at " + time.elapsed().toSeconds()));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("1 s at " + time.elapsed().toSeconds()));
        time.execute(() -> ran.add("now"));
        time.schedule(Duration.ofSeconds(1), () -> ran.add("1 s again"));
        time.advance(Duration.ofSeconds(5));
        assertEquals(List.of("now", "1 s at 1", "1 s again", "3 s at 3"), ran);
        assertEquals(Duration.ofSeconds(5), time.elapsed());
        assertEquals(Instant.parse("2026-01-01T00:00:05Z"), time.clock().instant());
    }

    @Test
    void runsUntilAnEventAndNoFurther() {
        AtomicBoolean fired = new AtomicBoolean();
        time.schedule(Duration.ofSeconds(10), () -> fired.set(true));
        time.schedule(Duration.ofSeconds(20), () -> fail());
        assertTrue(time.runUntil(fired::get, Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(10), time.elapsed());
    }

    @Test
    void givesUpAtTheLimitWhenTheEventNeverComes() {
        time.schedule(Duration.ofMinutes(10), () -> { });
        assertFalse(time.runUntil(() -> false, Duration.ofMinutes(1)));
        assertEquals(Duration.ofMinutes(1), time.elapsed());
        assertEquals(1, time.pending());
    }

    @Test
    void doesNotRunACancelledTimer() {
        AtomicBoolean fired = new AtomicBoolean();
        Cancellable timer = time.schedule(Duration.ofSeconds(1), () -> fired.set(true));
        timer.cancel();
        time.advance(Duration.ofSeconds(2));
        assertFalse(fired.get());
    }

    @Test
    void aWallClockStepMovesNoTimer() {
        AtomicBoolean fired = new AtomicBoolean();
        time.schedule(Duration.ofSeconds(30), () -> fired.set(true));
        time.jumpWallClock(Duration.ofHours(1));
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), time.clock().instant());
        time.advance(Duration.ofSeconds(29));
        assertFalse(fired.get(), "timers follow the monotonic time");
        time.advance(Duration.ofSeconds(1));
        assertTrue(fired.get());
    }

    @Test
    void runsOnlyOnTheThreadThatMadeIt() throws Exception {
        time.execute(() -> { });
        Throwable[] thrown = new Throwable[1];
        Thread other = new Thread(() -> {
            thrown[0] = assertThrows(IllegalStateException.class, time::runDue);
        });
        other.start();
        other.join();
        assertTrue(thrown[0].getMessage().contains("virtual time runs on the thread that made it"));
        assertTrue(time.inThread());
        assertEquals(1, time.runDue());
    }

    private static void fail() {
        throw new AssertionError("ran past the event");
    }
}
