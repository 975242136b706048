package dev.mtqr.mtproto.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying again, and when to stop: exponential backoff from {@code initialDelay}, times
 * {@code multiplier} per failure up to {@code maxDelay}, each delay drawn from its upper {@code jitter} share at random
 * (0.5: between half and all of it), for at most {@code maxAttempts} tries in a row (0: no limit). The DC links use
 * one for connecting; {@code QrLogin} one for calls that fail transiently.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.connecting();
 * Duration wait = policy.delayAfter(failures, random::nextDouble);   // failures >= 1
 * boolean stop = policy.exhausted(failures);
 * }</pre>
 *
 * @param initialDelay the delay after the first failure
 * @param maxDelay     the longest delay
 * @param multiplier   how much each failure multiplies the delay (at least 1)
 * @param jitter       the random share of each delay, 0 to 1
 * @param maxAttempts  how many attempts in a row may fail before giving up; 0 for no limit
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter, int maxAttempts) {

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must be 0 <= initial <= max, not " + initialDelay + ", " + maxDelay);
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("multiplier >= 1, 0 <= jitter <= 1 and maxAttempts >= 0");
        }
    }

    /** Connecting to a DC: 0.25 s doubling up to 5 s, half of it random, five attempts in a row (as Telethon tries). */
    public static RetryPolicy connecting() {
        return new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(5), 2, 0.5, 5);
    }

    /** A call that failed transiently: 0.25 s doubling up to 30 s, half of it random, no limit. */
    public static RetryPolicy calls() {
        return new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(30), 2, 0.5, 0);
    }

    /** This policy with another limit on attempts in a row. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(initialDelay, maxDelay, multiplier, jitter, attempts);
    }

    /** This policy with other delays. */
    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(initial, max, multiplier, jitter, maxAttempts);
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first), drawn with {@code random} in [0, 1). */
    public Duration delayAfter(int failures, DoubleSupplier random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1, not " + failures);
        }
        double full = initialDelay.toNanos() * Math.pow(multiplier, Math.min(failures - 1, 62));
        long capped = (long) Math.min(full, maxDelay.toNanos());
        long fixed = (long) (capped * (1 - jitter));
        return Duration.ofNanos(fixed + (long) ((capped - fixed) * random.getAsDouble()));
    }

    /** Whether {@code failures} failed attempts in a row mean giving up. */
    public boolean exhausted(int failures) {
        return maxAttempts > 0 && failures >= maxAttempts;
    }
}
