package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;

/**
 * What the four frame decoders share: one frame per {@link #decodeFrame} call, payloads passed on as retained slices
 * of the input (a {@link QuickAckRequest} when the client set the quick-ack flag), transport errors turned into a
 * {@link TransportException} (core.telegram.org/mtproto/mtproto-transports#transport-errors), and on a broken frame
 * the exception fired, everything buffered dropped and the channel closed.
 */
abstract class FrameDecoder extends ByteToMessageDecoder {
    /** A transport error is exactly one little-endian int32 (padded intermediate adds 0-15 bytes of padding). */
    static final int ERROR_PAYLOAD_LENGTH = 4;

    final TransportSide side;
    final int maxPayloadLength;
    private boolean failed;

    FrameDecoder(TransportSide side, int maxPayloadLength) {
        this.side = Objects.requireNonNull(side, "side");
        if (maxPayloadLength < 4) {
            throw new IllegalArgumentException("maxPayloadLength must be at least 4: " + maxPayloadLength);
        }
        this.maxPayloadLength = maxPayloadLength;
    }

    /**
     * Decodes at most one frame from {@code in}, leaving it untouched when the frame is not complete yet.
     *
     * @throws TransportException when the bytes break the framing rules
     */
    abstract void decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out);

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decodeFrame(ctx, in, out);
        } catch (TransportException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(e);
            ctx.close();
        }
    }

    /** Checks a payload length announced by a frame header. */
    final void checkLength(long length) {
        if (length <= 0) {
            throw new TransportException(TransportException.Kind.MALFORMED_FRAME, "payload length " + length);
        }
        if (length > maxPayloadLength) {
            throw new TransportException(TransportException.Kind.FRAME_TOO_LARGE,
                    "payload length " + length + " exceeds the limit of " + maxPayloadLength);
        }
    }

    /**
     * Passes {@code payload} on: as a {@link TransportException} when a client receives a transport error (then the
     * payload is released), wrapped in a {@link QuickAckRequest} when the client asked for a quick ack, else as is.
     */
    final void emit(ChannelHandlerContext ctx, ByteBuf payload, boolean quickAckRequested, List<Object> out) {
        if (side == TransportSide.CLIENT && isTransportError(payload)) {
            int code = payload.getIntLE(payload.readerIndex());
            payload.release();
            ctx.fireExceptionCaught(new TransportException(code));
            return;
        }
        out.add(quickAckRequested ? new QuickAckRequest(payload) : payload);
    }

    /** Whether a payload received by a client is a transport error: by default, exactly one negative int32. */
    boolean isTransportError(ByteBuf payload) {
        return payload.readableBytes() == ERROR_PAYLOAD_LENGTH && payload.getIntLE(payload.readerIndex()) < 0;
    }
}
