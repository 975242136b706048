package dev.mtqr.testkit.netty;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.Digests;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.testkit.server.AuthKeys;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The quick-ack token a server sends for a packet the client flagged (core.telegram.org/mtproto/mtproto-transports
 * #quick-ack): the first 32 bits, little-endian, of SHA-256(substr(auth_key, 88, 32) ‖ plaintext with padding) — the
 * hash msg_key is taken from — with the most significant bit set.
 */
final class QuickAckTokens {
    private QuickAckTokens() {
    }

    /** The token for {@code packet}, if it is an encrypted message under a key of {@code keys} that decrypts. */
    static OptionalInt of(AuthKeys keys, byte[] packet) {
        if (packet.length < 8) {
            return OptionalInt.empty();
        }
        AuthKey key = keys.find(Envelope.authKeyId(packet)).map(k -> k.authKey()).orElse(null);
        if (key == null) {
            return OptionalInt.empty();
        }
        int length = packet.length - 24 < 0 ? packet.length : packet.length - (packet.length - 24) % 16;
        try {
            byte[] plaintext = MessageCrypto.decrypt(key, packet, 0, length, MessageCrypto.CLIENT);
            byte[] hash = Digests.sha256(Arrays.copyOfRange(key.bytes(), 88, 120), plaintext);
            int token = (hash[0] & 0xFF) | (hash[1] & 0xFF) << 8 | (hash[2] & 0xFF) << 16 | (hash[3] & 0xFF) << 24;
            return OptionalInt.of(token | 0x8000_0000);
        } catch (SecurityCheckException e) {
            return OptionalInt.empty();
        }
    }
}
