package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The RSA encryption of {@code p_q_inner_data} from before RSA_PAD, still sent by older clients (Telethon 1.25,
 * the official example core.telegram.org/mtproto/samples-auth_key):
 * {@code encrypted_data = RSA(SHA1(data) ‖ data ‖ random padding to 255 bytes)}.
 * A server learns the data's length by parsing the TL after the hash, then calls {@link #checkHash}.
 */
public final class RsaLegacy {
    /** The longest {@code data} that fits next to its SHA-1 in 255 bytes. */
    public static final int MAX_DATA = 255 - 20;

    private static final int HASH = 20;
    private static final int WITH_HASH = 255;
    private static final int ENCRYPTED = 256;

    private RsaLegacy() {
    }

    /** {@code encrypted_data}: 256 bytes, big-endian. */
    public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("legacy RSA takes at most " + MAX_DATA + " bytes, got " + data.length);
        }
        requireModulusBits(key.n());
        byte[] dataWithHash = new byte[WITH_HASH];
        System.arraycopy(Digests.sha1(data), 0, dataWithHash, 0, HASH);
        System.arraycopy(data, 0, dataWithHash, HASH, data.length);
        byte[] padding = random.bytes(WITH_HASH - HASH - data.length);
        System.arraycopy(padding, 0, dataWithHash, HASH + data.length, padding.length);
        return BigIntegers.toFixed(key.encryptRaw(BigIntegers.unsigned(dataWithHash)), ENCRYPTED);
    }

    /**
     * The server side: the 255-byte {@code data_with_hash}; its hash is not checked yet (see {@link #checkHash}).
     *
     * @throws SecurityCheckException ({@code RSA}) if the value is not below {@code n} or decrypts to more than
     *     255 bytes
     */
    public static byte[] decrypt(byte[] encrypted, RsaPrivateKey key) {
        requireModulusBits(key.n());
        if (encrypted.length > ENCRYPTED) {
            throw rsa("encrypted_data has " + encrypted.length + " bytes, more than " + ENCRYPTED);
        }
        BigInteger value = key.decryptRaw(BigIntegers.unsigned(encrypted));
        if (value.bitLength() > WITH_HASH * 8) {
            throw rsa("decrypted value does not fit " + WITH_HASH + " bytes: wrong key or tampered encrypted_data");
        }
        return BigIntegers.toFixed(value, WITH_HASH);
    }

    /**
     * Checks that {@code dataWithHash[0:20]} is SHA-1 of the {@code dataLength} bytes after it.
     *
     * @throws SecurityCheckException ({@code RSA}) if it is not, or if the length does not fit
     */
    public static void checkHash(byte[] dataWithHash, int dataLength) {
        if (dataLength < 0 || dataLength > dataWithHash.length - HASH) {
            throw rsa("data length " + dataLength + " does not fit in " + dataWithHash.length
                    + " bytes after the hash");
        }
        byte[] expected = Digests.sha1(Arrays.copyOfRange(dataWithHash, HASH, HASH + dataLength));
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(dataWithHash, HASH))) {
            throw rsa("SHA-1 in front of p_q_inner_data does not match");
        }
    }

    /** A 2048-bit modulus: shorter cannot hold 255 bytes, longer gives more than 256 bytes. */
    private static void requireModulusBits(BigInteger n) {
        if (n.bitLength() != 2048) {
            throw new IllegalArgumentException("legacy RSA needs a 2048-bit key, got " + n.bitLength() + " bits");
        }
    }

    private static SecurityCheckException rsa(String detail) {
        return new SecurityCheckException(SecurityCheckException.Check.RSA, detail);
    }
}
