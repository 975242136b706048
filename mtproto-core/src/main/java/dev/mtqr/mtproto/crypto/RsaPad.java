package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * {@code RSA_PAD(data, server_public_key)}, the encryption of {@code p_q_inner_data} in {@code req_DH_params}
 * (core.telegram.org/mtproto/auth_key, section 4.1):
 * <pre>
 * data_with_padding = data ‖ random to 192 bytes;  temp_key = 32 random bytes
 * data_with_hash    = reverse(data_with_padding) ‖ SHA256(temp_key ‖ data_with_padding)
 * aes_encrypted     = AES256_IGE(data_with_hash, temp_key, iv = 0)
 * key_aes_encrypted = (temp_key XOR SHA256(aes_encrypted)) ‖ aes_encrypted   -- retried while ≥ n
 * encrypted_data    = key_aes_encrypted^e mod n
 * </pre>
 * Each attempt takes 224 random bytes at once: the first {@code 192 - data.length} pad the data and the last 32
 * are {@code temp_key}.
 */
public final class RsaPad {
    /** The longest {@code data} RSA_PAD accepts. */
    public static final int MAX_DATA = 144;

    private static final int PADDED = 192;
    private static final int TEMP_KEY = 32;
    private static final int RANDOM = PADDED + TEMP_KEY;
    private static final int ENCRYPTED = 256;
    private static final int MAX_ATTEMPTS = 64;

    private RsaPad() {
    }

    /** {@code encrypted_data} for {@code req_DH_params}: 256 bytes, big-endian. */
    public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("RSA_PAD takes at most " + MAX_DATA + " bytes, got " + data.length);
        }
        requireModulusBits(key.n());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] random224 = random.bytes(RANDOM);
            byte[] dataWithPadding = Arrays.copyOf(data, PADDED);
            System.arraycopy(random224, 0, dataWithPadding, data.length, PADDED - data.length);
            byte[] tempKey = Arrays.copyOfRange(random224, PADDED, RANDOM);

            byte[] dataWithHash = Arrays.copyOf(reversed(dataWithPadding), PADDED + 32);
            System.arraycopy(Digests.sha256(tempKey, dataWithPadding), 0, dataWithHash, PADDED, 32);
            byte[] aesEncrypted = AesIge.encrypt(tempKey, new byte[32], dataWithHash);

            byte[] keyAesEncrypted = new byte[ENCRYPTED];
            xor(tempKey, Digests.sha256(aesEncrypted), keyAesEncrypted);
            System.arraycopy(aesEncrypted, 0, keyAesEncrypted, TEMP_KEY, aesEncrypted.length);

            BigInteger value = BigIntegers.unsigned(keyAesEncrypted);
            if (value.compareTo(key.n()) < 0) {
                return BigIntegers.toFixed(key.encryptRaw(value), ENCRYPTED);
            }
        }
        throw new IllegalStateException("RSA_PAD: key_aes_encrypted was >= n " + MAX_ATTEMPTS
                + " times in a row; the random source is not random");
    }

    /**
     * The server side: {@code data_with_padding} (192 bytes; the TL object is at its start) from
     * {@code encrypted_data}.
     *
     * @throws SecurityCheckException ({@code RSA}) if the value is not below {@code n} or the hash does not match
     */
    public static byte[] decrypt(byte[] encrypted, RsaPrivateKey key) {
        requireModulusBits(key.n());
        if (encrypted.length > ENCRYPTED) {
            throw rsa("encrypted_data has " + encrypted.length + " bytes, more than " + ENCRYPTED);
        }
        byte[] keyAesEncrypted = BigIntegers.toFixed(key.decryptRaw(BigIntegers.unsigned(encrypted)), ENCRYPTED);
        byte[] aesEncrypted = Arrays.copyOfRange(keyAesEncrypted, TEMP_KEY, ENCRYPTED);
        byte[] tempKey = new byte[TEMP_KEY];
        xor(Arrays.copyOf(keyAesEncrypted, TEMP_KEY), Digests.sha256(aesEncrypted), tempKey);

        byte[] dataWithHash = AesIge.decrypt(tempKey, new byte[32], aesEncrypted);
        byte[] dataWithPadding = reversed(Arrays.copyOf(dataWithHash, PADDED));
        byte[] hash = Arrays.copyOfRange(dataWithHash, PADDED, PADDED + 32);
        if (!MessageDigest.isEqual(hash, Digests.sha256(tempKey, dataWithPadding))) {
            throw rsa("RSA_PAD hash does not match: wrong key or tampered encrypted_data");
        }
        return dataWithPadding;
    }

    /** A 2048-bit modulus: a shorter one makes key_aes_encrypted ≥ n almost always, a longer one 257 bytes. */
    private static void requireModulusBits(BigInteger n) {
        if (n.bitLength() != 2048) {
            throw new IllegalArgumentException("RSA_PAD needs a 2048-bit key, got " + n.bitLength() + " bits");
        }
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static void xor(byte[] a, byte[] b, byte[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
    }

    private static SecurityCheckException rsa(String detail) {
        return new SecurityCheckException(SecurityCheckException.Check.RSA, detail);
    }
}
