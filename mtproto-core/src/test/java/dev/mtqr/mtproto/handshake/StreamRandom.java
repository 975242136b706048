package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.util.HexFormat;

/** Test randomness: hands out the bytes of a fixed stream in order and fails when it runs out. */
final class StreamRandom implements RandomSource {
    private final byte[] stream;
    private int next;

    StreamRandom(String... hex) {
        this.stream = HexFormat.of().parseHex(String.join("", hex));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (stream.length - next < bytes.length) {
            throw new AssertionError("asked for " + bytes.length + " random bytes, " + (stream.length - next) + " left");
        }
        System.arraycopy(stream, next, bytes, 0, bytes.length);
        next += bytes.length;
    }

    int remaining() {
        return stream.length - next;
    }
}
