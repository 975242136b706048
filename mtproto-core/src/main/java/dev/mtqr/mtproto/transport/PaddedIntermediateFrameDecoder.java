package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/**
 * Decodes padded intermediate frames (core.telegram.org/mtproto/mtproto-transports#padded-intermediate): the total
 * length (payload plus 0-15 random bytes) as a 4-byte little-endian int, then payload and padding.
 *
 * <p><b>The padding is passed on with the payload</b>: the transport cannot tell where one ends, so the MTProto layer
 * trims it from the lengths inside the packet (an unencrypted message is 20 bytes plus its message_data_length; an
 * encrypted one is 24 bytes plus a multiple of 16).
 *
 * <p>On the server side the top bit of the length is the client's quick-ack flag: such payloads come out as
 * {@link QuickAckRequest}s. On the client side a frame of 8 to 16 bytes that starts with {@code 0xffffffff} is a
 * quick-ack packet (token, then 0-8 bytes of padding) and comes out as a {@link QuickAck}; a frame shorter than
 * 20 bytes that starts with another negative int32 is a transport error. The protocol header {@code 0xdddddddd} is
 * not part of this decoder's input.
 */
public final class PaddedIntermediateFrameDecoder extends FrameDecoder {
    /** Quick-ack packets: "a 4-byte header with all bits set, followed by the ACK token ... 0 to 8 random bytes". */
    private static final int QUICK_ACK_MIN = 8;
    private static final int QUICK_ACK_MAX = 16;
    /** Shorter than any MTProto packet (24 bytes at least), so a 4-byte error plus up to 15 bytes of padding. */
    private static final int ERROR_MAX = ERROR_PAYLOAD_LENGTH + 15;

    public PaddedIntermediateFrameDecoder(TransportSide side, int maxPayloadLength) {
        super(side, maxPayloadLength);
    }

    @Override
    void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int header = in.getIntLE(in.readerIndex());
        boolean flagged = header < 0 && side == TransportSide.SERVER;
        int length = flagged ? header & 0x7fffffff : header;
        checkLength(length);
        if (in.readableBytes() < 4 + length) {
            return;
        }
        if (side == TransportSide.CLIENT && length >= QUICK_ACK_MIN && length <= QUICK_ACK_MAX
                && in.getIntLE(in.readerIndex() + 4) == -1) {
            int token = in.getIntLE(in.readerIndex() + 8);
            if (token >= 0) {
                throw new TransportException(TransportException.Kind.MALFORMED_FRAME,
                        "quick-ack token without its top bit: 0x" + Integer.toHexString(token));
            }
            in.skipBytes(4 + length);
            out.add(new QuickAck(token));
            return;
        }
        in.skipBytes(4);
        emit(ctx, in.readRetainedSlice(length), flagged, out);
    }

    @Override
    boolean isTransportError(ByteBuf payload) {
        return payload.readableBytes() >= ERROR_PAYLOAD_LENGTH && payload.readableBytes() <= ERROR_MAX
                && payload.getIntLE(payload.readerIndex()) < 0;
    }
}
