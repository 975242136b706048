package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;

/**
 * One side's Diffie-Hellman key pair: a 2048-bit random {@code secret} (a or b) and {@code publicValue} =
 * g^secret mod p (g_a or g_b), drawn until the public value passes {@link DhChecks#checkRange}
 * (core.telegram.org/mtproto/auth_key, steps 5-6). The server of a key exchange keeps one between sending g_a and
 * receiving g_b: {@code DhKeyPair a = DhKeyPair.generate(p, g, random); ... a.sharedSecret(gB, p, "g_b")}.
 * {@link #toString()} does not show the secret.
 */
public record DhKeyPair(BigInteger secret, BigInteger publicValue) {
    /** The size of the secret, of the public value and of the shared secret in bytes. */
    public static final int BYTES = 256;

    /** How many secrets to draw before giving up on a random source that keeps failing the range check. */
    static final int MAX_DRAWS = 16;

    /**
     * A new pair: each attempt takes the secret from exactly one {@code random.bytes(256)} call, read as an
     * unsigned big-endian number. p and g are not checked here (see {@link DhChecks#checkPrimeAndGenerator}).
     *
     * @throws IllegalStateException if {@value #MAX_DRAWS} secrets in a row give a public value out of range,
     *     which only a broken random source does
     */
    public static DhKeyPair generate(BigInteger p, int g, RandomSource random) {
        BigInteger base = BigInteger.valueOf(g);
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            BigInteger secret = BigIntegers.unsigned(random.bytes(BYTES));
            BigInteger publicValue = base.modPow(secret, p);
            if (DhChecks.inRange(publicValue, p)) {
                return new DhKeyPair(secret, publicValue);
            }
        }
        throw new IllegalStateException(MAX_DRAWS + " random secrets in a row gave g^secret mod p out of range");
    }

    /**
     * {@code peerPublic^secret mod p} as exactly 256 bytes, after checking the peer's value with
     * {@link DhChecks#checkRange}; in the key exchange this is the auth_key.
     *
     * @param peerName the peer's value for the error message ({@code "g_a"}, {@code "g_b"})
     * @throws SecurityCheckException {@link SecurityCheckException.Check#DH_RANGE}
     */
    public byte[] sharedSecret(BigInteger peerPublic, BigInteger p, String peerName) {
        DhChecks.checkRange(peerPublic, p, peerName);
        return BigIntegers.toFixed(peerPublic.modPow(secret, p), BYTES);
    }

    /** The public value in 256 bytes, as g_a and g_b are sent. */
    public byte[] publicBytes() {
        return BigIntegers.toFixed(publicValue, BYTES);
    }

    @Override
    public String toString() {
        return "DhKeyPair[publicValue=" + publicValue.toString(16) + ", secret=<hidden>]";
    }
}
