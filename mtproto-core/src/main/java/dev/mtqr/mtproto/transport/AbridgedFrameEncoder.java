package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;

/**
 * Encodes abridged frames (core.telegram.org/mtproto/mtproto-transports#abridged): length/4 in one byte below 127,
 * else {@code 0x7f} and three little-endian bytes; a client's quick-ack request sets the top bit of the first byte
 * ({@code 0x80 | n}, or {@code 0xff}). A server's {@link QuickAck} goes out as the four token bytes swapped, with no
 * length header. Payloads must be a positive multiple of 4 bytes.
 */
public final class AbridgedFrameEncoder extends FrameEncoder {
    /** length/4 must fit in the three bytes after {@code 0x7f}. */
    private static final int MAX_WORDS = (1 << 24) - 1;

    public AbridgedFrameEncoder(TransportSide side, int maxPayloadLength) {
        super(TransportKind.ABRIDGED, side, maxPayloadLength);
    }

    @Override
    void encodePayload(ByteBuf payload, boolean quickAck, ByteBuf out) {
        checkPayload(payload, 4);
        int words = payload.readableBytes() / 4;
        if (words > MAX_WORDS) {
            throw new TransportException(TransportException.Kind.FRAME_TOO_LARGE,
                    "abridged frames carry at most " + 4L * MAX_WORDS + " bytes");
        }
        int flag = quickAck ? 0x80 : 0;
        if (words < 0x7f) {
            out.writeByte(words | flag);
        } else {
            out.writeByte(0x7f | flag);
            out.writeMediumLE(words);
        }
        out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
    }

    @Override
    void encodeQuickAck(int token, ByteBuf out) {
        out.writeInt(token); // big-endian: the little-endian token byte-swapped, top bit first
    }
}
