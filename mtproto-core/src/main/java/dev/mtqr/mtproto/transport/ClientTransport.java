package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import io.netty.channel.ChannelPipeline;
import java.util.Objects;

/**
 * Sets up the client end of an MTProto TCP connection (core.telegram.org/mtproto/mtproto-transports): the frame
 * codecs of the chosen transport, the obfuscation2 layer when asked ("#transport-obfuscation"), and a
 * {@link ProtocolHeaderWriter} that sends the protocol header (plain) or the 64-byte init (obfuscated) as soon as
 * the channel is active. After that, handlers added behind write MTProto payloads as {@code ByteBuf}s (or
 * {@link QuickAckRequest}s) and read payloads, {@link QuickAck}s and, through {@code exceptionCaught},
 * {@link TransportException}s.
 *
 * <p>Example: {@code ClientTransport.install(ch.pipeline(), TransportKind.PADDED_INTERMEDIATE, true, 2,
 * RandomSource.secure()); ch.pipeline().addLast(session);}
 */
public final class ClientTransport {

    private ClientTransport() {
    }

    /** {@link #install(ChannelPipeline, TransportKind, boolean, int, RandomSource, int)} with the default limit. */
    public static void install(ChannelPipeline pipeline, TransportKind kind, boolean obfuscated, int dcId,
            RandomSource random) {
        install(pipeline, kind, obfuscated, dcId, random, FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH);
    }

    /**
     * Adds the transport's handlers at the end of {@code pipeline}; call it before adding the handlers that read and
     * write payloads.
     *
     * @param kind the transport
     * @param obfuscated whether to run under obfuscation2; {@link TransportKind#FULL} cannot be
     * @param dcId the DC id put in the obfuscated init (int16; negative for media DCs, +10000 for test DCs); unused
     *     when not obfuscated
     * @param random draws the init and the padding of padded intermediate
     * @param maxPayloadLength the largest payload accepted either way
     * @throws IllegalArgumentException for {@link TransportKind#FULL} with {@code obfuscated}, or a DC id out of range
     */
    public static void install(ChannelPipeline pipeline, TransportKind kind, boolean obfuscated, int dcId,
            RandomSource random, int maxPayloadLength) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(random, "random");
        Obfuscated2Init init = obfuscated ? Obfuscated2Init.forClient(kind, dcId, random) : null;
        byte[] header = obfuscated ? init.header() : kind.protocolHeader();
        FrameCodecs.addCodecs(pipeline, null, kind, TransportSide.CLIENT, init, maxPayloadLength, random);
        if (header.length > 0) { // in front of the codecs, so that it goes out as is; it may leave at once
            String first = obfuscated ? FrameCodecs.OBFUSCATION_DECODER : FrameCodecs.FRAME_DECODER;
            pipeline.addBefore(first, FrameCodecs.PROTOCOL_HEADER_WRITER, new ProtocolHeaderWriter(header));
        }
    }
}
