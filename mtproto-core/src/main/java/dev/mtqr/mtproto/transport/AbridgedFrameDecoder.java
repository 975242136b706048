package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/**
 * Decodes abridged frames (core.telegram.org/mtproto/mtproto-transports#abridged): one byte holding length/4 when
 * that is below 127, else {@code 0x7f} and length/4 in three little-endian bytes; then the payload.
 *
 * <p>On the server side the most significant bit of the first byte is the client's quick-ack flag ({@code 0x80 | n}
 * or {@code 0xff} with three length bytes): such payloads come out as {@link QuickAckRequest}s. On the client side a
 * first byte with that bit set starts a quick-ack packet instead: four bytes, the token byte-swapped, no length
 * header; it comes out as a {@link QuickAck}. The protocol header {@code 0xef} is not part of this decoder's input.
 */
public final class AbridgedFrameDecoder extends FrameDecoder {

    public AbridgedFrameDecoder(TransportSide side, int maxPayloadLength) {
        super(side, maxPayloadLength);
    }

    @Override
    void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int first = in.getUnsignedByte(start);
        boolean flagged = (first & 0x80) != 0;
        if (flagged && side == TransportSide.CLIENT) {
            // "The server will send quick ACK tokens by bswapping them ... as a standalone 4-byte packet"
            if (in.readableBytes() >= 4) {
                out.add(new QuickAck(in.readInt()));
            }
            return;
        }
        int headerLength;
        long words;
        if ((first & 0x7f) == 0x7f) {
            if (in.readableBytes() < 4) {
                return;
            }
            headerLength = 4;
            words = in.getUnsignedMediumLE(start + 1);
        } else {
            headerLength = 1;
            words = first & 0x7f;
        }
        long length = words * 4;
        checkLength(length);
        if (in.readableBytes() < headerLength + length) {
            return;
        }
        in.skipBytes(headerLength);
        emit(ctx, in.readRetainedSlice((int) length), flagged, out);
    }
}
