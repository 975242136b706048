package dev.mtqr.mtproto.crypto;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * MTProto 2.0 encrypted messages (core.telegram.org/mtproto/description): {@code auth_key_id} (8 bytes),
 * {@code msg_key} (16) and the AES-256-IGE encryption of the plaintext followed by 12..1024 bytes of random padding.
 * {@code x} is {@link #CLIENT} for messages from client to server and {@link #SERVER} for the other way.
 * <pre>{@code
 * byte[] wire = MessageCrypto.encrypt(authKey, plaintext, MessageCrypto.CLIENT, RandomSource.secure());
 * byte[] reply = MessageCrypto.decrypt(authKey, received, 0, received.length, MessageCrypto.SERVER);
 * }</pre>
 */
public final class MessageCrypto {
    /** {@code x} for messages from client to server. */
    public static final int CLIENT = 0;
    /** {@code x} for messages from server to client. */
    public static final int SERVER = 8;

    private static final int HEADER = 8 + 16;
    /** server_salt, session_id, msg_id, seq_no and message_data_length in front of the message data. */
    private static final int INNER_HEADER = 32;
    private static final int DATA_LENGTH_OFFSET = 28;
    private static final int MIN_PADDING = 12;
    private static final int MAX_PADDING = 1024;

    private MessageCrypto() {
    }

    /**
     * {@code msg_key}: the middle 128 bits of {@code SHA256(substr(auth_key, 88 + x, 32) + plaintext)}, where the
     * plaintext range includes the padding.
     */
    public static byte[] msgKey(AuthKey key, byte[] plaintext, int offset, int length, int x) {
        checkDirection(x);
        Objects.checkFromIndexSize(offset, length, plaintext.length);
        MessageDigest sha256 = Digests.digest("SHA-256");
        sha256.update(key.raw(), 88 + x, 32);
        sha256.update(plaintext, offset, length);
        return Arrays.copyOfRange(sha256.digest(), 8, 24);
    }

    /**
     * The AES key and iv for {@code msgKey}: {@code a = SHA256(msg_key + substr(auth_key, x, 36))},
     * {@code b = SHA256(substr(auth_key, 40 + x, 36) + msg_key)}, {@code aes_key = a[0:8] + b[8:24] + a[24:32]},
     * {@code aes_iv = b[0:8] + a[8:24] + b[24:32]}.
     */
    public static KeyIv keyIv(AuthKey key, byte[] msgKey, int x) {
        checkDirection(x);
        if (msgKey.length != 16) {
            throw new IllegalArgumentException("msg_key has 16 bytes, got " + msgKey.length);
        }
        byte[] authKey = key.raw();
        MessageDigest sha256 = Digests.digest("SHA-256");
        sha256.update(msgKey);
        sha256.update(authKey, x, 36);
        byte[] a = sha256.digest();
        sha256.update(authKey, 40 + x, 36);
        sha256.update(msgKey);
        byte[] b = sha256.digest();

        byte[] aesKey = new byte[32];
        System.arraycopy(a, 0, aesKey, 0, 8);
        System.arraycopy(b, 8, aesKey, 8, 16);
        System.arraycopy(a, 24, aesKey, 24, 8);
        byte[] aesIv = new byte[32];
        System.arraycopy(b, 0, aesIv, 0, 8);
        System.arraycopy(a, 8, aesIv, 8, 16);
        System.arraycopy(b, 24, aesIv, 24, 8);
        return new KeyIv(aesKey, aesIv);
    }

    /** {@code plaintext} encrypted with the shortest random padding of at least 12 bytes. */
    public static byte[] encrypt(AuthKey key, byte[] plaintext, int x, RandomSource random) {
        return encrypt(key, plaintext, x, random, 0);
    }

    /**
     * {@code plaintext} encrypted with the shortest random padding of at least 12 bytes plus
     * {@code extraPaddingBlocks} 16-byte blocks (to hide the length); the padding may not exceed 1024 bytes.
     */
    public static byte[] encrypt(AuthKey key, byte[] plaintext, int x, RandomSource random, int extraPaddingBlocks) {
        checkDirection(x);
        int padding = MIN_PADDING + Math.floorMod(-(plaintext.length + MIN_PADDING), 16);
        if (extraPaddingBlocks < 0 || extraPaddingBlocks > (MAX_PADDING - padding) / 16) {
            throw new IllegalArgumentException("padding of " + padding + " bytes plus " + extraPaddingBlocks
                    + " blocks is outside 12..1024 bytes");
        }
        padding += 16 * extraPaddingBlocks;
        int innerLength = Math.addExact(plaintext.length, padding);
        byte[] message = new byte[Math.addExact(HEADER, innerLength)];
        putLongLittleEndian(message, 0, key.id());
        System.arraycopy(plaintext, 0, message, HEADER, plaintext.length);
        System.arraycopy(random.bytes(padding), 0, message, HEADER + plaintext.length, padding);
        byte[] msgKey = msgKey(key, message, HEADER, innerLength, x);
        System.arraycopy(msgKey, 0, message, 8, 16);
        KeyIv keyIv = keyIv(key, msgKey, x);
        AesIge.encrypt(keyIv.key(), keyIv.iv(), message, HEADER, message, HEADER, innerLength);
        return message;
    }

    /**
     * The decrypted plaintext with its padding (server_salt, session_id, msg_id, seq_no, message_data_length,
     * message data, padding) after the receive-side checks of core.telegram.org/mtproto/description and
     * /mtproto/security_guidelines, msg_key before anything read from the plaintext.
     *
     * @throws SecurityCheckException MESSAGE_LENGTH, AUTH_KEY_ID, MSG_KEY or PADDING when a check fails
     */
    public static byte[] decrypt(AuthKey key, byte[] message, int offset, int length, int x) {
        checkDirection(x);
        Objects.checkFromIndexSize(offset, length, message.length);
        if (length < HEADER + INNER_HEADER || (length - HEADER) % 16 != 0) {
            throw new SecurityCheckException(Check.MESSAGE_LENGTH,
                    "an encrypted message of " + length + " bytes is too short or not 24 plus whole blocks");
        }
        if (AuthKey.littleEndianLong(message, offset) != key.id()) {
            throw new SecurityCheckException(Check.AUTH_KEY_ID, "auth_key_id is not the key's");
        }
        byte[] msgKey = Arrays.copyOfRange(message, offset + 8, offset + HEADER);
        KeyIv keyIv = keyIv(key, msgKey, x);
        int innerLength = length - HEADER;
        byte[] plaintext = new byte[innerLength];
        AesIge.decrypt(keyIv.key(), keyIv.iv(), message, offset + HEADER, plaintext, 0, innerLength);
        if (!MessageDigest.isEqual(msgKey, msgKey(key, plaintext, 0, innerLength, x))) {
            throw rejected(plaintext, Check.MSG_KEY, "msg_key does not match the decrypted message");
        }
        int dataLength = littleEndianInt(plaintext, DATA_LENGTH_OFFSET);
        if (dataLength < 0 || dataLength % 4 != 0 || dataLength > innerLength - INNER_HEADER) {
            throw rejected(plaintext, Check.MESSAGE_LENGTH,
                    "message_data_length is negative, not a multiple of 4 or longer than the " + innerLength
                            + "-byte plaintext");
        }
        int padding = innerLength - INNER_HEADER - dataLength;
        if (padding < MIN_PADDING || padding > MAX_PADDING) {
            throw rejected(plaintext, Check.PADDING, "padding outside 12..1024 bytes");
        }
        return plaintext;
    }

    static void checkDirection(int x) {
        if (x != CLIENT && x != SERVER) {
            throw new IllegalArgumentException("x is 0 (client to server) or 8 (server to client), got " + x);
        }
    }

    private static SecurityCheckException rejected(byte[] plaintext, Check check, String detail) {
        Arrays.fill(plaintext, (byte) 0);
        return new SecurityCheckException(check, detail);
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    private static void putLongLittleEndian(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
