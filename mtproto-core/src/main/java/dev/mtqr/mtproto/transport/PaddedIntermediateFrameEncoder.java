package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Encodes padded intermediate frames (core.telegram.org/mtproto/mtproto-transports#padded-intermediate): total
 * length (payload plus 0-15 random bytes) as a 4-byte little-endian int, with the top bit set for a client's
 * quick-ack request; then payload and padding. A server's {@link QuickAck} goes out as a frame of
 * {@code 0xffffffff}, the token and 0-8 random bytes. Payloads may have any positive length; padding comes from the
 * {@link RandomSource} and is cut short where it would push the length field past the limit.
 */
public final class PaddedIntermediateFrameEncoder extends FrameEncoder {
    private final RandomSource random;
    private final byte[] draw = new byte[1];

    public PaddedIntermediateFrameEncoder(TransportSide side, int maxPayloadLength, RandomSource random) {
        super(TransportKind.PADDED_INTERMEDIATE, side, maxPayloadLength);
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    void encodePayload(ByteBuf payload, boolean quickAck, ByteBuf out) {
        checkPayload(payload, 1);
        int length = payload.readableBytes();
        int padding = Math.min(randomBelow(16), maxPayloadLength - length); // the length field stays in the limit
        int total = length + padding;
        out.writeIntLE(quickAck ? total | 0x80000000 : total);
        out.writeBytes(payload, payload.readerIndex(), length);
        writeRandom(out, padding);
    }

    @Override
    void encodeQuickAck(int token, ByteBuf out) {
        int padding = randomBelow(9);
        out.writeIntLE(8 + padding);
        out.writeIntLE(-1);
        out.writeIntLE(token);
        writeRandom(out, padding);
    }

    private int randomBelow(int bound) {
        random.nextBytes(draw);
        return (draw[0] & 0xff) % bound;
    }

    private void writeRandom(ByteBuf out, int count) {
        if (count > 0) {
            out.writeBytes(random.bytes(count));
        }
    }
}
