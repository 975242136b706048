package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.FutureSalt;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A DC's server salts (core.telegram.org/mtproto/description#server-salt): each is current for a period, the next
 * ones are known in advance for {@code get_future_salts}, and the one before stays valid for a grace period so that
 * messages in flight at the change are not refused. {@link #rotateNow} makes a new salt current at once (a fault for
 * tests of {@code bad_server_salt}). Thread-safe.
 */
public final class Salts {
    /** The most salts {@code get_future_salts} returns. */
    public static final int MAX_FUTURE = 64;

    private final Clock clock;
    private final RandomSource random;
    private final long periodSeconds;
    private final long graceSeconds;
    private final ArrayDeque<FutureSalt> upcoming = new ArrayDeque<>();
    private FutureSalt current;
    private FutureSalt previous;
    private long previousAcceptedUntil;

    Salts(Clock clock, RandomSource random, Duration period, Duration grace) {
        this.clock = clock;
        this.random = random;
        this.periodSeconds = period.toSeconds();
        this.graceSeconds = grace.toSeconds();
        long now = now();
        this.current = salt(now, now + periodSeconds);
    }

    /** The salt to use now. */
    public synchronized long current() {
        advance();
        return current.salt();
    }

    /** Whether a message may carry {@code salt} now: the current one, or the previous one within its grace. */
    public synchronized boolean accepts(long salt) {
        advance();
        return salt == current.salt() || (previous != null && salt == previous.salt() && now() < previousAcceptedUntil);
    }

    /** The current salt and the ones after it, {@code count} in all (1 to {@value #MAX_FUTURE}). */
    public synchronized List<FutureSalt> future(int count) {
        advance();
        int wanted = Math.max(1, Math.min(count, MAX_FUTURE));
        while (upcoming.size() < wanted - 1) {
            FutureSalt last = upcoming.isEmpty() ? current : upcoming.peekLast();
            upcoming.addLast(salt(last.validUntil(), last.validUntil() + periodSeconds));
        }
        List<FutureSalt> out = new ArrayList<>(wanted);
        out.add(current);
        upcoming.stream().limit(wanted - 1).forEach(out::add);
        return out;
    }

    /** Makes a fresh salt current now; the one it replaces is accepted for the grace period. */
    public synchronized void rotateNow() {
        advance();
        long now = now();
        retire(current, now);
        current = salt(now, now + periodSeconds);
        upcoming.clear();
    }

    private void advance() {
        long now = now();
        while (now >= current.validUntil()) {
            retire(current, current.validUntil());
            FutureSalt next = upcoming.pollFirst();
            current = next != null ? next : salt(current.validUntil(), current.validUntil() + periodSeconds);
        }
    }

    private void retire(FutureSalt salt, long since) {
        previous = salt;
        previousAcceptedUntil = since + graceSeconds;
    }

    private FutureSalt salt(long since, long until) {
        long value = TlReader.of(random.bytes(8), TlRegistry.EMPTY).readLong();
        return new FutureSalt((int) since, (int) until, value);
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000);
    }
}
