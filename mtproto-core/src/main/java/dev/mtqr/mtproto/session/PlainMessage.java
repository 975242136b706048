package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.TlWriter;
import java.util.Arrays;

/**
 * An unencrypted message, as the key exchange sends them (core.telegram.org/mtproto/description#unencrypted-message):
 * {@code auth_key_id = 0 (8) ‖ message_id (8) ‖ message_data_length (4) ‖ message_data}.
 *
 * @param msgId the message id
 * @param body  the TL object, boxed
 */
public record PlainMessage(long msgId, byte[] body) {
    private static final int HEADER = 20;

    /** The packet to send. */
    public byte[] encode() {
        byte[] out = new byte[HEADER + body.length];
        TlWriter w = TlWriter.wrap(out);
        w.writeLong(0);
        w.writeLong(msgId);
        w.writeInt(body.length);
        System.arraycopy(body, 0, out, HEADER, body.length);
        return out;
    }

    /**
     * Reads an unencrypted packet; trailing bytes after {@code message_data_length} (the padding of the padded
     * intermediate transport) are ignored.
     *
     * @throws TlDecodeException if the packet is short, has a non-zero auth_key_id, or a length that does not fit
     */
    public static PlainMessage decode(byte[] packet) {
        TlReader in = TlReader.of(packet, TlRegistry.EMPTY);
        if (in.readLong() != 0) {
            throw new TlDecodeException("not an unencrypted message: auth_key_id is not 0");
        }
        long msgId = in.readLong();
        int length = in.readInt();
        if (length < 0 || length > in.remaining()) {
            throw new TlDecodeException("message_data_length " + length + " does not fit the " + in.remaining()
                    + " bytes that remain");
        }
        return new PlainMessage(msgId, Arrays.copyOfRange(packet, HEADER, HEADER + length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlainMessage other && msgId == other.msgId && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(msgId) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "PlainMessage[msgId=" + msgId + ", body=<" + body.length + " bytes>]";
    }
}
