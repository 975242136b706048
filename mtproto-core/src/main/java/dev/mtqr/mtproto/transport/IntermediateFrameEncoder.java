package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;

/**
 * Encodes intermediate frames (core.telegram.org/mtproto/mtproto-transports#intermediate): the payload length as a
 * 4-byte little-endian int, with the top bit set for a client's quick-ack request; a server's {@link QuickAck} goes
 * out as the bare little-endian token. Payloads must be a positive multiple of 4 bytes.
 */
public final class IntermediateFrameEncoder extends FrameEncoder {

    public IntermediateFrameEncoder(TransportSide side, int maxPayloadLength) {
        super(TransportKind.INTERMEDIATE, side, maxPayloadLength);
    }

    @Override
    void encodePayload(ByteBuf payload, boolean quickAck, ByteBuf out) {
        checkPayload(payload, 4);
        int length = payload.readableBytes();
        out.writeIntLE(quickAck ? length | 0x80000000 : length);
        out.writeBytes(payload, payload.readerIndex(), length);
    }

    @Override
    void encodeQuickAck(int token, ByteBuf out) {
        out.writeIntLE(token);
    }
}
