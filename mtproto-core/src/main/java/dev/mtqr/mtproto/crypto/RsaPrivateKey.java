package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

/**
 * An RSA private key for the server side of the auth-key exchange (core.telegram.org/mtproto/auth_key), e.g. a
 * test server that decrypts {@code req_DH_params.encrypted_data}. {@link #toString()} never shows {@code d}.
 *
 * <pre>{@code
 * RsaPrivateKey key = RsaPrivateKey.generate(2048);
 * byte[] dataWithPadding = RsaPad.decrypt(encryptedData, key);
 * }</pre>
 */
public record RsaPrivateKey(BigInteger n, BigInteger e, BigInteger d) {
    public RsaPrivateKey {
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(d, "d");
        if (n.signum() <= 0 || e.signum() <= 0 || d.signum() <= 0) {
            throw new IllegalArgumentException("RSA modulus and exponents must be positive");
        }
    }

    /** A new key of {@code bits} bits (2048 for MTProto) with {@code e = 65537}, from a {@link SecureRandom}. */
    public static RsaPrivateKey generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), new SecureRandom());
            RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
            return new RsaPrivateKey(key.getModulus(), RSAKeyGenParameterSpec.F4, key.getPrivateExponent());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("the JDK cannot generate a " + bits + "-bit RSA key", ex);
        }
    }

    /** The matching public key. */
    public RsaPublicKey publicKey() {
        return new RsaPublicKey(n, e);
    }

    /** Textbook RSA, {@code c^d mod n}; {@code c} must be in {@code [0, n)}. */
    public BigInteger decryptRaw(BigInteger c) {
        if (c.signum() < 0 || c.compareTo(n) >= 0) {
            throw new SecurityCheckException(SecurityCheckException.Check.RSA, "RSA ciphertext is not in [0, n)");
        }
        return c.modPow(d, n);
    }

    @Override
    public String toString() {
        return "RsaPrivateKey[bits=" + n.bitLength() + ", fingerprint="
                + String.format("%016x", publicKey().fingerprint()) + "]";
    }
}
