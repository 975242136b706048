package dev.mtqr.mtproto.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encrypted messages around any plaintext, with the real msg_key and key/iv derivation but none of
 * {@link MessageCrypto#encrypt}'s padding rules, to reach the checks behind msg_key.
 */
final class CraftedMessage {
    private CraftedMessage() {
    }

    /** auth_key_id, msg_key and the IGE encryption of {@code inner} (whole blocks, taken as it is). */
    static byte[] seal(AuthKey key, byte[] inner, int x) {
        byte[] msgKey = MessageCrypto.msgKey(key, inner, 0, inner.length, x);
        KeyIv keyIv = MessageCrypto.keyIv(key, msgKey, x);
        return ByteBuffer.allocate(24 + inner.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(key.id())
                .put(msgKey)
                .put(AesIge.encrypt(keyIv.key(), keyIv.iv(), inner))
                .array();
    }

    /** {@code inner} with its message_data_length field (offset 28, little-endian) set to {@code dataLength}. */
    static byte[] withDataLength(byte[] inner, int dataLength) {
        byte[] out = inner.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(28, dataLength);
        return out;
    }
}
