package dev.mtqr.mtproto.crypto;

import java.security.SecureRandom;

/**
 * The one place randomness comes from (nonces, RSA padding, DH exponents, message padding, SRP), so that tests
 * can replay an exchange with fixed bytes. Production code uses {@link #secure()}.
 */
@FunctionalInterface
public interface RandomSource {
    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** {@code count} new random bytes. */
    default byte[] bytes(int count) {
        byte[] out = new byte[count];
        nextBytes(out);
        return out;
    }

    /** A number drawn uniformly from [0, 1), from 53 random bits. */
    default double uniform() {
        byte[] b = bytes(7);
        long bits = 0;
        for (byte x : b) {
            bits = bits << 8 | (x & 0xFF);
        }
        return (bits >>> 3) * 0x1.0p-53;
    }

    /** Random bytes from a {@link SecureRandom}. */
    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
