package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.RsaPrivateKey;

/** One RSA key for all tests of this JVM (generating one takes a moment). */
public final class TestKeys {
    /** A 2048-bit server key. */
    public static final RsaPrivateKey RSA = RsaPrivateKey.generate(2048);

    private TestKeys() {
    }
}
