package dev.mtqr.mtproto.crypto;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;

/**
 * The client side of Telegram's 2FA password check, algorithm
 * passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow (core.telegram.org/api/srp). For example,
 * from account.password: {@code SrpAnswer answer = Srp.answer(password, salt1, salt2, g, p, srpB, random);}
 * then {@code inputCheckPasswordSRP(srp_id, answer.a(), answer.m1())}. Each call runs PBKDF2 with 100000
 * iterations (about 100 ms).
 */
public final class Srp {
    /** How many random bytes are appended to the server's salt1 when setting a new password. */
    public static final int NEW_SALT1_EXTRA_BYTES = 32;

    private Srp() {
    }

    /** The password hash x = PH2(password, salt1, salt2), 32 bytes. */
    public static byte[] passwordHash(byte[] password, byte[] salt1, byte[] salt2) {
        return SrpFormulas.passwordHash(password, salt1, salt2);
    }

    /**
     * Checks p and g ({@link DhChecks#checkPrimeAndGenerator}) and srp_B (0 < B < p, then
     * {@link DhChecks#checkRange}), draws a as one {@code random.bytes(256)} call (again if A = g^a mod p is out of
     * range), and computes A and M1.
     *
     * @throws SecurityCheckException DH_PRIME, DH_GENERATOR, SRP (B not in 0 < B < p) or DH_RANGE (srp_B)
     */
    public static SrpAnswer answer(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p, byte[] srpB,
            RandomSource random) {
        BigInteger prime = BigIntegers.unsigned(p);
        DhChecks.checkPrimeAndGenerator(prime, g);
        BigInteger b = BigIntegers.unsigned(srpB);
        if (b.signum() == 0 || b.compareTo(prime) >= 0) {
            throw new SecurityCheckException(Check.SRP, "srp_B is not in 0 < B < p");
        }
        DhChecks.checkRange(b, prime, "srp_B");
        byte[] x = passwordHash(password, salt1, salt2);
        DhKeyPair a = DhKeyPair.generate(prime, g, random);
        return compute(x, salt1, salt2, g, prime, b, a.secret(), a.publicValue());
    }

    /**
     * The answer for a given secret {@code a}, for tests and vectors: no check of p, g, B or A at all (the toy
     * vectors use p = 47 and A = 3). Never use it on values from a server.
     */
    static SrpAnswer answer(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p, byte[] srpB, byte[] a) {
        BigInteger prime = BigIntegers.unsigned(p);
        BigInteger secret = BigIntegers.unsigned(a);
        BigInteger publicValue = BigInteger.valueOf(g).modPow(secret, prime);
        return compute(passwordHash(password, salt1, salt2), salt1, salt2, g, prime, BigIntegers.unsigned(srpB),
                secret, publicValue);
    }

    private static SrpAnswer compute(byte[] x, byte[] salt1, byte[] salt2, int g, BigInteger p, BigInteger b,
            BigInteger a, BigInteger gA) {
        BigInteger xValue = BigIntegers.unsigned(x);
        BigInteger v = SrpFormulas.verifier(x, g, p);
        BigInteger k = SrpFormulas.k(p, g);
        BigInteger u = SrpFormulas.u(gA, b);
        BigInteger t = b.subtract(k.multiply(v)).mod(p);
        BigInteger s = t.modPow(a.add(u.multiply(xValue)), p);
        byte[] sessionKey = SrpFormulas.sessionKey(s);
        return new SrpAnswer(SrpFormulas.pad(gA), SrpFormulas.m1(p, g, salt1, salt2, gA, b, sessionKey));
    }

    /**
     * {@code new_password_hash} for account.updatePasswordSettings: v = g^x mod p in 256 bytes, x from the new
     * password and the new algo's salts (salt1 already extended, see {@link #newSalt1}). Checks p and g first.
     *
     * @throws SecurityCheckException DH_PRIME or DH_GENERATOR
     */
    public static byte[] newPasswordHash(byte[] password, byte[] salt1, byte[] salt2, int g, byte[] p) {
        BigInteger prime = BigIntegers.unsigned(p);
        DhChecks.checkPrimeAndGenerator(prime, g);
        return SrpFormulas.pad(SrpFormulas.verifier(passwordHash(password, salt1, salt2), g, prime));
    }

    /** The salt1 of a new password: the server's new_algo salt1 followed by 32 random bytes (one call). */
    public static byte[] newSalt1(byte[] serverSalt1, RandomSource random) {
        byte[] extra = random.bytes(NEW_SALT1_EXTRA_BYTES);
        byte[] out = new byte[serverSalt1.length + extra.length];
        System.arraycopy(serverSalt1, 0, out, 0, serverSalt1.length);
        System.arraycopy(extra, 0, out, serverSalt1.length, extra.length);
        return out;
    }
}
