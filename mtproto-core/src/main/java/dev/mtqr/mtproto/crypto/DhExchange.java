package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;

/**
 * The client's half of the key exchange's Diffie-Hellman (core.telegram.org/mtproto/auth_key, step 6): from the
 * server's dh_prime, g and g_a, the g_b to send in client_DH_inner_data and the resulting auth_key. For example
 * {@code DhExchange dh = DhExchange.clientSide(dhPrime, g, gA, random); send(dh.gB()); keep(dh.authKey());}.
 * The server's half is a {@link DhKeyPair}.
 */
public record DhExchange(BigInteger gB, AuthKey authKey) {
    /**
     * Checks p and g ({@link DhChecks#checkPrimeAndGenerator}) and g_a ({@link DhChecks#checkRange}), draws b as
     * one {@code random.bytes(256)} call (again if g_b = g^b mod p is out of range), and computes
     * auth_key = g_a^b mod p.
     *
     * @throws SecurityCheckException DH_PRIME, DH_GENERATOR or DH_RANGE
     */
    public static DhExchange clientSide(BigInteger p, int g, BigInteger gA, RandomSource random) {
        DhChecks.checkPrimeAndGenerator(p, g);
        DhChecks.checkRange(gA, p, "g_a");
        DhKeyPair b = DhKeyPair.generate(p, g, random);
        return new DhExchange(b.publicValue(), new AuthKey(b.sharedSecret(gA, p, "g_a")));
    }

    /** g_b in 256 bytes, as client_DH_inner_data sends it. */
    public byte[] gBBytes() {
        return BigIntegers.toFixed(gB, DhKeyPair.BYTES);
    }
}
