package dev.mtqr.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that runs like another one plus an offset a test can change at any time, to put a server's time off
 * from its clients' (msg_id window, bad_msg_notification 16/17, time sync in the key exchange). Thread-safe.
 */
public final class SkewableClock extends Clock {
    private final Clock base;
    private volatile Duration skew = Duration.ZERO;

    public SkewableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Sets how far this clock is ahead of its base (negative: behind). */
    public void skew(Duration skew) {
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /** How far this clock is ahead of its base. */
    public Duration skew() {
        return skew;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SkewableClock clock = new SkewableClock(base.withZone(zone));
        clock.skew(skew);
        return clock;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skew);
    }

    @Override
    public long millis() {
        return base.millis() + skew.toMillis();
    }
}
