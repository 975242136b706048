package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.util.HexFormat;
import java.util.Random;

/** Test randomness: fixed bytes handed out in order (then failing), or a seeded pseudo-random stream. */
final class FixedRandom implements RandomSource {
    private final byte[] bytes;
    private final Random fallback;
    private int next;

    private FixedRandom(byte[] bytes, Random fallback) {
        this.bytes = bytes;
        this.fallback = fallback;
    }

    /** Hands out {@code chunks} in order and fails when they run out. */
    static FixedRandom of(byte[]... chunks) {
        int length = 0;
        for (byte[] chunk : chunks) {
            length += chunk.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return new FixedRandom(all, null);
    }

    /** Hands out the bytes of {@code hex} in order and fails when they run out. */
    static FixedRandom ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** A reproducible pseudo-random stream. */
    static FixedRandom seeded(long seed) {
        return new FixedRandom(new byte[0], new Random(seed));
    }

    @Override
    public void nextBytes(byte[] out) {
        if (next == bytes.length && fallback != null) {
            fallback.nextBytes(out);
            return;
        }
        if (bytes.length - next < out.length) {
            throw new AssertionError("asked for " + out.length + " random bytes, " + (bytes.length - next) + " left");
        }
        System.arraycopy(bytes, next, out, 0, out.length);
        next += out.length;
    }

    int remaining() {
        return bytes.length - next;
    }
}
