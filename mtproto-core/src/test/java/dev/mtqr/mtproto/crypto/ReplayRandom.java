package dev.mtqr.mtproto.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RandomSource} that hands out fixed bytes in order and records how many each call asked for. Made with
 * {@link #replaying}, it also insists that each call asks for exactly the next chunk.
 */
final class ReplayRandom implements RandomSource {
    private final byte[] bytes;
    private final List<Integer> requests = new ArrayList<>();
    private final List<Integer> chunkSizes = new ArrayList<>();
    private boolean strict;
    private int position;

    /** The bytes of {@code chunks}, one after the other, in calls of any size. */
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
            chunkSizes.add(chunk.length);
        }
    }

    /** The bytes of {@code draws}, each handed to one call that must ask for exactly that many. */
    static ReplayRandom replaying(byte[]... draws) {
        ReplayRandom random = new ReplayRandom(draws);
        random.strict = true;
        return random;
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
        if (strict && chunkSizes.get(requests.size()) != out.length) {
            throw new AssertionError("draw " + requests.size() + " asked for " + out.length + " bytes, expected "
                    + chunkSizes.get(requests.size()));
        }
        System.arraycopy(bytes, position, out, 0, out.length);
        position += out.length;
        requests.add(out.length);
    }

    /** Fails unless every byte was handed out. */
    void assertAllUsed() {
        if (position != bytes.length) {
            throw new AssertionError((bytes.length - position) + " random bytes left unused");
        }
    }

    /** The size of each call so far. */
    List<Integer> requests() {
        return List.copyOf(requests);
    }
}
