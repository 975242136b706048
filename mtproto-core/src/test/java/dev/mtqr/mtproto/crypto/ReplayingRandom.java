package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Test randomness: fixed draws handed out in order, each to one request for exactly that many bytes. */
final class ReplayingRandom implements RandomSource {
    private final Deque<byte[]> draws;

    private ReplayingRandom(List<byte[]> draws) {
        this.draws = new ArrayDeque<>(draws);
    }

    static ReplayingRandom replaying(byte[]... draws) {
        return new ReplayingRandom(List.of(draws));
    }

    @Override
    public void nextBytes(byte[] out) {
        byte[] next = draws.poll();
        assertNotNull(next, "asked for " + out.length + " more random bytes than the test provides");
        assertEquals(next.length, out.length, "random bytes requested");
        System.arraycopy(next, 0, out, 0, next.length);
    }

    void assertAllUsed() {
        assertTrue(draws.isEmpty(), draws.size() + " random draws left unused");
    }
}
