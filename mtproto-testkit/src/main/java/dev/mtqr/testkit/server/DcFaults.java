package dev.mtqr.testkit.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test injects into one DC: answers held back for a while, and frames corrupted on the way to the client.
 * (Dropping connections and rotating the salt act at once: {@link ServerDc#dropConnections}, {@link Salts#rotateNow}.)
 * Thread-safe.
 */
public final class DcFaults {
    private volatile Duration answerDelay = Duration.ZERO;
    private final AtomicInteger framesToCorrupt = new AtomicInteger();

    /** Holds every packet the DC sends for {@code delay} before it goes out ({@link Duration#ZERO} to stop). */
    public void delayAnswers(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        this.answerDelay = Objects.requireNonNull(delay, "delay");
    }

    /** The delay packets are held for now. */
    public Duration answerDelay() {
        return answerDelay;
    }

    /** Corrupts the next packet the DC sends to any client (one bit of its msg_key, so decryption fails). */
    public void corruptNextFrame() {
        framesToCorrupt.incrementAndGet();
    }

    /** Whether the packet about to go out must be corrupted; each call uses up one requested corruption. */
    boolean takeCorruption() {
        return framesToCorrupt.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
