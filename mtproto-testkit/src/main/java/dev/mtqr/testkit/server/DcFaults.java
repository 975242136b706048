package dev.mtqr.testkit.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test injects into one DC: answers held back for a while, frames corrupted or sent twice on the way to the
 * client, requests lost on the way in, connections closed just before an answer, and a DC that goes silent.
 * (Dropping connections and rotating the salt act at once: {@link ServerDc#dropConnections}, {@link Salts#rotateNow}.)
 * Each one-shot fault is armed by one call and used up by one occurrence; armed n times, it strikes n times.
 * Thread-safe.
 */
public final class DcFaults {
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean silenced;
    private final AtomicInteger framesToCorrupt = new AtomicInteger();
    private final AtomicInteger requestsToDrop = new AtomicInteger();
    private final AtomicInteger answersToCutOff = new AtomicInteger();
    private final AtomicInteger packetsToDuplicate = new AtomicInteger();

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

    /**
     * Loses the next encrypted packet a client sends to this DC: it is discarded unread and its connection closed, so
     * the request in it never reaches the server.
     */
    public void dropNextRequest() {
        requestsToDrop.incrementAndGet();
    }

    /**
     * Closes the connection instead of sending the next packet that carries an {@code rpc_result}: the request was
     * executed, and its answer stays in the session unacknowledged, to go out again when the client comes back.
     */
    public void dropBeforeNextAnswer() {
        answersToCutOff.incrementAndGet();
    }

    /** Sends the next packet the DC sends to any client twice. */
    public void duplicateNextPacket() {
        packetsToDuplicate.incrementAndGet();
    }

    /**
     * While {@code on}, the DC reads and discards everything clients send (the key exchange too) and sends nothing;
     * connections stay open.
     */
    public void silence(boolean on) {
        this.silenced = on;
    }

    /** Whether the DC is silent now. */
    public boolean silenced() {
        return silenced;
    }

    /** Whether the packet about to go out must be corrupted; each call uses up one requested corruption. */
    boolean takeCorruption() {
        return take(framesToCorrupt);
    }

    /** Whether the encrypted packet that just arrived must be lost; each call uses up one requested drop. */
    boolean takeRequestDrop() {
        return take(requestsToDrop);
    }

    /** Whether the packet about to go out with an rpc_result must be replaced by a close. */
    boolean takeAnswerCutOff() {
        return take(answersToCutOff);
    }

    /** Whether the packet about to go out must go out twice. */
    boolean takeDuplicate() {
        return take(packetsToDuplicate);
    }

    private static boolean take(AtomicInteger armed) {
        return armed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
