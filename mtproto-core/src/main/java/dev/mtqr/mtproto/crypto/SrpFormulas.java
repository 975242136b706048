package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The formulas of passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow shared by {@link Srp} and
 * {@link SrpServer} (core.telegram.org/api/srp). H is SHA-256; p, g, A, B and S are hashed as 256 big-endian bytes.
 */
final class SrpFormulas {
    /** The size of p, g, A, B, S and v in bytes. */
    static final int BYTES = 256;

    static final int PBKDF2_ITERATIONS = 100_000;

    private SrpFormulas() {
    }

    /** {@code PH2 = SH(pbkdf2(sha512, PH1, salt1, 100000), salt2)}, {@code PH1 = SH(SH(password, salt1), salt2)}. */
    static byte[] passwordHash(byte[] password, byte[] salt1, byte[] salt2) {
        byte[] ph1 = saltedHash(saltedHash(password, salt1), salt2);
        return saltedHash(pbkdf2HmacSha512(ph1, salt1), salt2);
    }

    /** {@code SH(data, salt) = H(salt | data | salt)}. */
    static byte[] saltedHash(byte[] data, byte[] salt) {
        return Digests.sha256(salt, data, salt);
    }

    /** PBKDF2-HMAC-SHA512 with 100000 iterations and a 64-byte result, over a binary password. */
    static byte[] pbkdf2HmacSha512(byte[] password, byte[] salt) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(password, salt, PBKDF2_ITERATIONS);
        return ((KeyParameter) generator.generateDerivedParameters(512)).getKey();
    }

    /** {@code v = g^x mod p}, x being the password hash read as an unsigned number. */
    static BigInteger verifier(byte[] passwordHash, int g, BigInteger p) {
        return BigInteger.valueOf(g).modPow(BigIntegers.unsigned(passwordHash), p);
    }

    /** {@code k = H(p | g)}. */
    static BigInteger k(BigInteger p, int g) {
        return BigIntegers.unsigned(Digests.sha256(pad(p), pad(BigInteger.valueOf(g))));
    }

    /** {@code u = H(A | B)}. */
    static BigInteger u(BigInteger a, BigInteger b) {
        return BigIntegers.unsigned(Digests.sha256(pad(a), pad(b)));
    }

    /** {@code K = H(S)}. */
    static byte[] sessionKey(BigInteger s) {
        return Digests.sha256(pad(s));
    }

    /** {@code M1 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | K)}. */
    static byte[] m1(BigInteger p, int g, byte[] salt1, byte[] salt2, BigInteger a, BigInteger b, byte[] k) {
        byte[] hp = Digests.sha256(pad(p));
        byte[] hg = Digests.sha256(pad(BigInteger.valueOf(g)));
        for (int i = 0; i < hp.length; i++) {
            hp[i] ^= hg[i];
        }
        return Digests.sha256(hp, Digests.sha256(salt1), Digests.sha256(salt2), pad(a), pad(b), k);
    }

    static byte[] pad(BigInteger value) {
        return BigIntegers.toFixed(value, BYTES);
    }
}
