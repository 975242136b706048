package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Locale;
import java.util.Objects;

/**
 * What the four frame encoders share: which messages they take and who may send what. Both sides write
 * {@link ByteBuf} payloads; a client may write a {@link QuickAckRequest}; a server may write a {@link QuickAck} or a
 * {@link TransportError} (core.telegram.org/mtproto/mtproto-transports, "#quick-ack", "#transport-errors").
 * A message that does not fit fails its write with an {@code EncoderException} and is released.
 */
abstract class FrameEncoder extends MessageToByteEncoder<Object> {
    final TransportKind kind;
    final TransportSide side;
    final int maxPayloadLength;

    FrameEncoder(TransportKind kind, TransportSide side, int maxPayloadLength) {
        this.kind = kind;
        this.side = Objects.requireNonNull(side, "side");
        if (maxPayloadLength < 4) {
            throw new IllegalArgumentException("maxPayloadLength must be at least 4: " + maxPayloadLength);
        }
        this.maxPayloadLength = maxPayloadLength;
    }

    /** Writes the envelope of {@code payload} (readable bytes) to {@code out}, with the quick-ack flag if asked. */
    abstract void encodePayload(ByteBuf payload, boolean quickAck, ByteBuf out);

    /** Writes a server's quick-ack packet for {@code token} to {@code out}. */
    abstract void encodeQuickAck(int token, ByteBuf out);

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof ByteBuf || msg instanceof QuickAckRequest || msg instanceof QuickAck
                || msg instanceof TransportError;
    }

    @Override
    protected final void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        if (msg instanceof ByteBuf payload) {
            encodePayload(payload, false, out);
        } else if (msg instanceof QuickAckRequest request) {
            require(TransportSide.CLIENT, "a quick-ack request");
            requireQuickAck();
            encodePayload(request.content(), true, out);
        } else if (msg instanceof QuickAck ack) {
            require(TransportSide.SERVER, "a quick ack");
            requireQuickAck();
            encodeQuickAck(ack.token(), out);
        } else if (msg instanceof TransportError error) {
            require(TransportSide.SERVER, "a transport error");
            ByteBuf payload = ctx.alloc().buffer(FrameDecoder.ERROR_PAYLOAD_LENGTH)
                    .writeIntLE(error.code());
            try {
                encodePayload(payload, false, out);
            } finally {
                payload.release();
            }
        }
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
        int size = msg instanceof ByteBuf payload ? payload.readableBytes()
                : msg instanceof QuickAckRequest request ? request.content().readableBytes() : 4;
        int capacity = size + 32; // the largest envelope (full: 12) plus padding (at most 16)
        return preferDirect ? ctx.alloc().ioBuffer(capacity) : ctx.alloc().heapBuffer(capacity);
    }

    /** Checks the length of an outgoing payload: not empty, within the limit, aligned to {@code alignment}. */
    final void checkPayload(ByteBuf payload, int alignment) {
        int length = payload.readableBytes();
        if (length == 0 || length % alignment != 0) {
            throw new TransportException(TransportException.Kind.MALFORMED_FRAME, kind + " cannot carry a payload of "
                    + length + " bytes" + (alignment > 1 ? " (it must be a positive multiple of " + alignment + ")"
                    : ""));
        }
        if (length > maxPayloadLength) {
            throw new TransportException(TransportException.Kind.FRAME_TOO_LARGE,
                    "payload length " + length + " exceeds the limit of " + maxPayloadLength);
        }
    }

    private void require(TransportSide sender, String what) {
        if (side != sender) {
            throw new IllegalArgumentException("only the " + sender.name().toLowerCase(Locale.ROOT)
                    + " sends " + what);
        }
    }

    private void requireQuickAck() {
        if (!kind.supportsQuickAck()) {
            throw new UnsupportedOperationException("the " + kind + " transport has no quick acks");
        }
    }
}
