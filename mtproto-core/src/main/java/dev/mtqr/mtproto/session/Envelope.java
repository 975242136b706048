package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.TlWriter;
import java.util.Arrays;

/**
 * The inside of an encrypted message (core.telegram.org/mtproto/description#encrypted-message-encrypted-data):
 * {@code salt (8) ‖ session_id (8) ‖ message_id (8) ‖ seq_no (4) ‖ message_data_length (4) ‖ message_data ‖ padding},
 * and its encryption with the MTProto 2.0 scheme of {@link MessageCrypto}.
 *
 * @param salt      the server salt
 * @param sessionId the session id
 * @param msgId     the message id
 * @param seqNo     the sequence number
 * @param body      the message data (one boxed TL object, possibly a container)
 */
public record Envelope(long salt, long sessionId, long msgId, int seqNo, byte[] body) {
    private static final int HEADER = 32;

    /** Encrypts this envelope with {@code key} in direction {@code x} ({@link MessageCrypto#CLIENT} or SERVER). */
    public byte[] encrypt(AuthKey key, int x, RandomSource random) {
        byte[] plain = new byte[HEADER + body.length];
        TlWriter w = TlWriter.wrap(plain);
        w.writeLong(salt);
        w.writeLong(sessionId);
        w.writeLong(msgId);
        w.writeInt(seqNo);
        w.writeInt(body.length);
        System.arraycopy(body, 0, plain, HEADER, body.length);
        return MessageCrypto.encrypt(key, plain, x, random);
    }

    /**
     * Decrypts a packet with every receive-side check of {@link MessageCrypto#decrypt}. A packet that arrived with
     * padded-intermediate transport padding is first cut to 24 + a multiple of 16 bytes.
     *
     * @throws dev.mtqr.mtproto.crypto.SecurityCheckException if a check fails
     */
    public static Envelope decrypt(AuthKey key, byte[] packet, int x) {
        int length = packet.length < 24 ? packet.length : packet.length - (packet.length - 24) % 16;
        byte[] plain = MessageCrypto.decrypt(key, packet, 0, length, x);
        TlReader in = TlReader.of(plain, TlRegistry.EMPTY);
        long salt = in.readLong();
        long sessionId = in.readLong();
        long msgId = in.readLong();
        int seqNo = in.readInt();
        int dataLength = in.readInt();
        return new Envelope(salt, sessionId, msgId, seqNo, Arrays.copyOfRange(plain, HEADER, HEADER + dataLength));
    }

    /** The auth_key_id a packet starts with (0 for an unencrypted message). */
    public static long authKeyId(byte[] packet) {
        return TlReader.of(packet, 0, Math.min(8, packet.length), TlRegistry.EMPTY).readLong();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && salt == e.salt && sessionId == e.sessionId && msgId == e.msgId
                && seqNo == e.seqNo && Arrays.equals(body, e.body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(msgId) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Envelope[msgId=" + msgId + ", seqNo=" + seqNo + ", body=<" + body.length + " bytes>]";
    }
}
