package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;

/**
 * Encodes full-transport frames (core.telegram.org/mtproto/mtproto-transports#full): total length (payload plus 12)
 * and the TCP sequence number of this direction (0, 1, 2, ...), both 4-byte little-endian; the payload; the CRC32
 * of length, seqno and payload. The full transport has no quick acks: {@link QuickAckRequest}s and {@link QuickAck}s
 * fail their writes.
 */
public final class FullFrameEncoder extends FrameEncoder {
    private int seqno;

    public FullFrameEncoder(TransportSide side, int maxPayloadLength) {
        super(TransportKind.FULL, side, maxPayloadLength);
    }

    @Override
    void encodePayload(ByteBuf payload, boolean quickAck, ByteBuf out) {
        checkPayload(payload, 1);
        int length = payload.readableBytes();
        int start = out.writerIndex();
        out.writeIntLE(length + FullFrameDecoder.OVERHEAD);
        out.writeIntLE(seqno++);
        out.writeBytes(payload, payload.readerIndex(), length);
        out.writeIntLE(FullFrameDecoder.crc32(out, start, out.writerIndex() - start));
    }

    @Override
    void encodeQuickAck(int token, ByteBuf out) {
        throw new UnsupportedOperationException("the full transport has no quick acks");
    }
}
