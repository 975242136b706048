package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The server side of Telegram's 2FA password check (core.telegram.org/api/srp), enough for a test server: store
 * the {@link #verifier}, send a {@link #challenge} (srp_B with account.password), then {@link #check} the
 * client's A and M1 from inputCheckPasswordSRP. For example
 * {@code Challenge c = SrpServer.challenge(v, 3, p, random); ... SrpServer.check(v, 3, p, c, salt1, salt2, a, m1)}.
 */
public final class SrpServer {
    private SrpServer() {
    }

    /**
     * A challenge: the secret {@code b} the server keeps and srp_B = (k*v + g^b) mod p it sends, both 256 bytes.
     * {@link #toString()} does not show {@code b}.
     */
    public record Challenge(byte[] b, byte[] srpB) {
        public Challenge {
            b = b.clone();
            srpB = srpB.clone();
        }

        @Override
        public byte[] b() {
            return b.clone();
        }

        @Override
        public byte[] srpB() {
            return srpB.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge other && Arrays.equals(b, other.b) && Arrays.equals(srpB, other.srpB);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(b) + Arrays.hashCode(srpB);
        }

        @Override
        public String toString() {
            return "Challenge[srpB=" + srpB.length + " bytes, b=<hidden>]";
        }
    }

    /** The verifier v = g^x mod p in 256 bytes that the server stores instead of the password. */
    public static byte[] verifier(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p) {
        BigInteger prime = BigIntegers.unsigned(p);
        return SrpFormulas.pad(SrpFormulas.verifier(Srp.passwordHash(password, salt1, salt2), g, prime));
    }

    /**
     * A new challenge: b from one {@code random.bytes(256)} call, drawn again until srp_B passes
     * {@link DhChecks#checkRange}.
     *
     * @throws IllegalStateException if {@value DhKeyPair#MAX_DRAWS} draws in a row give srp_B out of range,
     *     which only a broken random source does
     */
    public static Challenge challenge(byte[] verifier, int g, byte[] p, RandomSource random) {
        BigInteger prime = BigIntegers.unsigned(p);
        BigInteger kv = SrpFormulas.k(prime, g).multiply(BigIntegers.unsigned(verifier));
        for (int draw = 0; draw < DhKeyPair.MAX_DRAWS; draw++) {
            byte[] b = random.bytes(SrpFormulas.BYTES);
            BigInteger srpB = kv.add(BigInteger.valueOf(g).modPow(BigIntegers.unsigned(b), prime)).mod(prime);
            if (DhChecks.inRange(srpB, prime)) {
                return new Challenge(b, SrpFormulas.pad(srpB));
            }
        }
        throw new IllegalStateException(DhKeyPair.MAX_DRAWS + " random secrets in a row gave srp_B out of range");
    }

    /**
     * Whether the client's M1 proves it knows the password behind {@code verifier}: S = (A * v^u)^b mod p,
     * K = H(S), and M1 compared in constant time. An A outside the {@link DhChecks#checkRange} range gives
     * {@code false} (the server answers PASSWORD_HASH_INVALID), not an exception.
     */
    public static boolean check(byte[] verifier, int g, byte[] p, Challenge challenge, byte[] salt1,
            byte[] salt2, byte[] a, byte[] m1) {
        BigInteger prime = BigIntegers.unsigned(p);
        BigInteger gA = BigIntegers.unsigned(a);
        if (!DhChecks.inRange(gA, prime)) {
            return false;
        }
        BigInteger v = BigIntegers.unsigned(verifier);
        BigInteger srpB = BigIntegers.unsigned(challenge.srpB);
        BigInteger u = SrpFormulas.u(gA, srpB);
        BigInteger s = gA.multiply(v.modPow(u, prime)).modPow(BigIntegers.unsigned(challenge.b), prime);
        byte[] expected = SrpFormulas.m1(prime, g, salt1, salt2, gA, srpB, SrpFormulas.sessionKey(s));
        return MessageDigest.isEqual(expected, m1);
    }
}
