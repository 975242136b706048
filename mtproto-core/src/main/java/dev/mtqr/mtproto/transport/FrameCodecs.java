package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

/**
 * Makes the frame decoder and encoder of a transport (core.telegram.org/mtproto/mtproto-transports) and names the
 * handlers {@link ClientTransport} and {@link TransportDetector} put in a pipeline. Pipelines look like this, socket
 * side first:
 *
 * <pre>
 * [protocol header writer, client only, gone after the first write]
 * [obfuscation decoder, obfuscation encoder, when obfuscated]
 * frame decoder, frame encoder
 * ... the handlers that read and write MTProto payloads ({@code ByteBuf}, {@link QuickAckRequest}, {@link QuickAck})
 * </pre>
 */
public final class FrameCodecs {
    /**
     * The default limit on a frame's payload: 16 MiB, as tdlib and gotd use (a bigger frame means a broken or hostile
     * peer; the largest MTProto messages are around 1 MiB). For padded intermediate it bounds the length field,
     * padding included.
     */
    public static final int DEFAULT_MAX_PAYLOAD_LENGTH = 16 << 20;

    public static final String PROTOCOL_HEADER_WRITER = "mtproto-protocol-header";
    public static final String TRANSPORT_DETECTOR = "mtproto-transport-detector";
    public static final String OBFUSCATION_DECODER = "mtproto-obfuscation-decoder";
    public static final String OBFUSCATION_ENCODER = "mtproto-obfuscation-encoder";
    public static final String FRAME_DECODER = "mtproto-frame-decoder";
    public static final String FRAME_ENCODER = "mtproto-frame-encoder";

    private FrameCodecs() {
    }

    /** The decoder of {@code kind} for {@code side}, accepting payloads up to {@code maxPayloadLength} bytes. */
    public static ChannelHandler decoder(TransportKind kind, TransportSide side, int maxPayloadLength) {
        return switch (kind) {
            case ABRIDGED -> new AbridgedFrameDecoder(side, maxPayloadLength);
            case INTERMEDIATE -> new IntermediateFrameDecoder(side, maxPayloadLength);
            case PADDED_INTERMEDIATE -> new PaddedIntermediateFrameDecoder(side, maxPayloadLength);
            case FULL -> new FullFrameDecoder(side, maxPayloadLength);
        };
    }

    /** The encoder of {@code kind} for {@code side}; {@code random} pads padded intermediate frames. */
    public static ChannelHandler encoder(TransportKind kind, TransportSide side, int maxPayloadLength,
            RandomSource random) {
        return switch (kind) {
            case ABRIDGED -> new AbridgedFrameEncoder(side, maxPayloadLength);
            case INTERMEDIATE -> new IntermediateFrameEncoder(side, maxPayloadLength);
            case PADDED_INTERMEDIATE -> new PaddedIntermediateFrameEncoder(side, maxPayloadLength, random);
            case FULL -> new FullFrameEncoder(side, maxPayloadLength);
        };
    }

    /**
     * Adds the obfuscation handlers (when {@code init} is not null) and the frame codecs after the handler named
     * {@code after}, or at the end when {@code after} is null. Returns the name of the last handler added.
     */
    static String addCodecs(ChannelPipeline pipeline, String after, TransportKind kind, TransportSide side,
            Obfuscated2Init init, int maxPayloadLength, RandomSource random) {
        String last = after;
        if (init != null) {
            last = add(pipeline, last, OBFUSCATION_DECODER, new Obfuscated2Decoder(init));
            last = add(pipeline, last, OBFUSCATION_ENCODER, new Obfuscated2Encoder(init));
        }
        last = add(pipeline, last, FRAME_DECODER, decoder(kind, side, maxPayloadLength));
        return add(pipeline, last, FRAME_ENCODER, encoder(kind, side, maxPayloadLength, random));
    }

    private static String add(ChannelPipeline pipeline, String after, String name, ChannelHandler handler) {
        if (after == null) {
            pipeline.addLast(name, handler);
        } else {
            pipeline.addAfter(after, name, handler);
        }
        return name;
    }
}
