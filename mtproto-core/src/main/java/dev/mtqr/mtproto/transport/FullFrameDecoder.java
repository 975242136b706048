package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Decodes full-transport frames (core.telegram.org/mtproto/mtproto-transports#full): total length (the 12 bytes of
 * length, seqno and CRC included) and the TCP sequence number, both 4-byte little-endian; the payload; the CRC32 of
 * everything before it. Sequence numbers count frames per direction from 0; a wrong one is
 * {@link TransportException.Kind#BAD_SEQNO}, a wrong CRC {@link TransportException.Kind#BAD_CHECKSUM}. The full
 * transport has no quick acks, and no protocol header.
 */
public final class FullFrameDecoder extends FrameDecoder {
    /** Length, seqno and CRC: "Minimum envelope length: 12 bytes". */
    static final int OVERHEAD = 12;

    private int expectedSeqno;

    public FullFrameDecoder(TransportSide side, int maxPayloadLength) {
        super(side, maxPayloadLength);
    }

    @Override
    void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int start = in.readerIndex();
        long total = in.getUnsignedIntLE(start);
        if (total < OVERHEAD) {
            throw new TransportException(TransportException.Kind.MALFORMED_FRAME,
                    "full frame length " + total + " is below the 12 bytes of overhead");
        }
        checkLength(total - OVERHEAD);
        if (in.readableBytes() < total) {
            return;
        }
        int length = (int) total;
        int seqno = in.getIntLE(start + 4);
        if (seqno != expectedSeqno) {
            throw new TransportException(TransportException.Kind.BAD_SEQNO,
                    "expected seqno " + Integer.toUnsignedString(expectedSeqno) + ", got "
                            + Integer.toUnsignedString(seqno));
        }
        int crc = in.getIntLE(start + length - 4);
        int computed = crc32(in, start, length - 4);
        if (crc != computed) {
            throw new TransportException(TransportException.Kind.BAD_CHECKSUM, "CRC32 0x" + Integer.toHexString(crc)
                    + ", computed 0x" + Integer.toHexString(computed));
        }
        expectedSeqno++;
        in.skipBytes(8);
        ByteBuf payload = in.readRetainedSlice(length - OVERHEAD);
        in.skipBytes(4);
        emit(ctx, payload, false, out);
    }

    /** CRC32 of {@code length} bytes of {@code buf} from {@code index}, without moving its indices. */
    static int crc32(ByteBuf buf, int index, int length) {
        CRC32 crc = new CRC32();
        for (ByteBuffer part : buf.nioBuffers(index, length)) {
            crc.update(part);
        }
        return (int) crc.getValue();
    }
}
