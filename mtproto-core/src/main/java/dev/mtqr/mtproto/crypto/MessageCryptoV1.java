package dev.mtqr.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The MTProto 1.0 message key and AES key/iv derivation (core.telegram.org/mtproto/description_v1), still used for
 * the {@code encrypted_message} of {@code auth.bindTempAuthKey} (core.telegram.org/method/auth.bindTempAuthKey).
 * {@code x} is {@link MessageCrypto#CLIENT} or {@link MessageCrypto#SERVER}, as in MTProto 2.0.
 * <pre>{@code
 * byte[] msgKey = MessageCryptoV1.msgKey(bindMessage);
 * KeyIv keyIv = MessageCryptoV1.keyIv(permanentKey, msgKey, MessageCrypto.CLIENT);
 * }</pre>
 */
public final class MessageCryptoV1 {
    private MessageCryptoV1() {
    }

    /** {@code msg_key = substr(SHA1(plaintext), 4, 16)}, over the plaintext without padding. */
    public static byte[] msgKey(byte[] plaintext) {
        return Arrays.copyOfRange(Digests.sha1(plaintext), 4, 20);
    }

    /**
     * {@code a = SHA1(msg_key + auth_key[x:x+32])}, {@code b = SHA1(auth_key[32+x:48+x] + msg_key
     * + auth_key[48+x:64+x])}, {@code c = SHA1(auth_key[64+x:96+x] + msg_key)},
     * {@code d = SHA1(msg_key + auth_key[96+x:128+x])}; {@code aes_key = a[0:8] + b[8:20] + c[4:16]},
     * {@code aes_iv = a[8:20] + b[0:8] + c[16:20] + d[0:8]}.
     */
    public static KeyIv keyIv(AuthKey key, byte[] msgKey, int x) {
        MessageCrypto.checkDirection(x);
        if (msgKey.length != 16) {
            throw new IllegalArgumentException("msg_key has 16 bytes, got " + msgKey.length);
        }
        byte[] authKey = key.raw();
        MessageDigest sha1 = Digests.digest("SHA-1");
        sha1.update(msgKey);
        sha1.update(authKey, x, 32);
        byte[] a = sha1.digest();
        sha1.update(authKey, 32 + x, 16);
        sha1.update(msgKey);
        sha1.update(authKey, 48 + x, 16);
        byte[] b = sha1.digest();
        sha1.update(authKey, 64 + x, 32);
        sha1.update(msgKey);
        byte[] c = sha1.digest();
        sha1.update(msgKey);
        sha1.update(authKey, 96 + x, 32);
        byte[] d = sha1.digest();

        byte[] aesKey = new byte[32];
        System.arraycopy(a, 0, aesKey, 0, 8);
        System.arraycopy(b, 8, aesKey, 8, 12);
        System.arraycopy(c, 4, aesKey, 20, 12);
        byte[] aesIv = new byte[32];
        System.arraycopy(a, 8, aesIv, 0, 12);
        System.arraycopy(b, 0, aesIv, 12, 8);
        System.arraycopy(c, 16, aesIv, 20, 4);
        System.arraycopy(d, 0, aesIv, 24, 8);
        return new KeyIv(aesKey, aesIv);
    }
}
