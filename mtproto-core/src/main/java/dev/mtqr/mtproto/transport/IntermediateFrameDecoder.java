package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/**
 * Decodes intermediate frames (core.telegram.org/mtproto/mtproto-transports#intermediate): the payload length as a
 * 4-byte little-endian int, then the payload, a positive multiple of 4 bytes.
 *
 * <p>On the server side the most significant bit of the length is the client's quick-ack flag: such payloads come
 * out as {@link QuickAckRequest}s. On the client side a "length" with that bit set is a standalone quick-ack token
 * (no payload follows) and comes out as a {@link QuickAck}. The protocol header {@code 0xeeeeeeee} is not part of
 * this decoder's input.
 */
public final class IntermediateFrameDecoder extends FrameDecoder {

    public IntermediateFrameDecoder(TransportSide side, int maxPayloadLength) {
        super(side, maxPayloadLength);
    }

    @Override
    void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int header = in.getIntLE(in.readerIndex());
        boolean flagged = header < 0;
        if (flagged && side == TransportSide.CLIENT) {
            // "quick ACK tokens ... as a standalone 4-byte packet without a length header"
            out.add(new QuickAck(in.readIntLE()));
            return;
        }
        int length = header & 0x7fffffff;
        checkLength(length);
        if (length % 4 != 0) {
            throw new TransportException(TransportException.Kind.MALFORMED_FRAME,
                    "intermediate payload length " + length + " is not a multiple of 4");
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        in.skipBytes(4);
        emit(ctx, in.readRetainedSlice(length), flagged, out);
    }
}
