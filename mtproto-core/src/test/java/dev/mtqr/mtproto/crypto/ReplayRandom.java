package dev.mtqr.mtproto.crypto;

import java.util.ArrayList;
import java.util.List;

/** A {@link RandomSource} that hands out fixed bytes in order and records how many each call asked for. */
final class ReplayRandom implements RandomSource {
    private final byte[] bytes;
    private final List<Integer> requests = new ArrayList<>();
    private int position;

    /** The bytes of {@code chunks}, one after the other. */
    ReplayRandom(byte[]... chunks) {
        int length = 0;
        for (byte[] chunk : chunks) {
            length += chunk.length;
        }
        bytes = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, bytes, at, chunk.length);
            at += chunk.length;
        }
    }

    /** A source for code that must not draw anything: every call fails the test. */
    static RandomSource forbidden() {
        return out -> {
            throw new AssertionError("drew " + out.length + " random bytes, expected none");
        };
    }

    @Override
    public void nextBytes(byte[] out) {
        if (position + out.length > bytes.length) {
            throw new AssertionError("asked for " + out.length + " bytes, " + (bytes.length - position) + " left");
        }
        System.arraycopy(bytes, position, out, 0, out.length);
        position += out.length;
        requests.add(out.length);
    }

    /** The size of each call so far. */
    List<Integer> requests() {
        return List.copyOf(requests);
    }
}
