package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of a server connection: reads the first bytes, puts the codecs of the transport the client speaks
 * in its place, and passes everything after the header on to them. "The server recognizes these different protocols
 * (and distinguishes them from HTTP, too) by the header" (core.telegram.org/mtproto/mtproto-transports):
 *
 * <ol>
 *   <li>first byte {@code 0xef}: abridged (the byte is consumed). A full frame never starts so: its length counts
 *       12 bytes of envelope plus an MTProto packet, a multiple of 4, so its first byte is never odd;
 *   <li>first int {@code 0xeeeeeeee}: intermediate, {@code 0xdddddddd}: padded intermediate (consumed);
 *   <li>first int {@code HEAD}, {@code POST}, {@code GET }, {@code OPTI} or {@code 16 03 01 02}: HTTP or TLS, which
 *       this server does not speak: {@link TransportException.Kind#UNKNOWN_PROTOCOL};
 *   <li>bytes 4..8 zero: full transport, whose first frame has seqno 0 (nothing consumed: the frame decoder checks
 *       the length and the CRC). This cannot be an obfuscated init, because clients must draw again when bytes 4..8
 *       are zero ("#transport-obfuscation"); it is how the spec itself tells the two apart;
 *   <li>anything else is taken for an obfuscated init: once 64 bytes are in, the decrypted tag at offset 56 must
 *       name abridged, intermediate or padded intermediate, else {@link TransportException.Kind#UNKNOWN_PROTOCOL}.
 * </ol>
 *
 * <p>An unknown start is fired as a {@link TransportException} and the channel is closed. On success the finding is
 * stored under {@link DetectedTransport#ATTRIBUTE} and fired as a {@link DetectedTransport} user event before any
 * payload. Example: {@code pipeline.addLast(new TransportDetector(RandomSource.secure()), sessionHandler)}.
 */
public final class TransportDetector extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(TransportDetector.class);
    /** First ints (little-endian) of HTTP requests and TLS records: "HEAD", "POST", "GET ", "OPTI", 16 03 01 02. */
    private static final int[] HTTP_OR_TLS = {0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316};

    private final RandomSource random;
    private final int maxPayloadLength;
    private boolean failed;

    /** A detector whose codecs accept payloads up to {@link FrameCodecs#DEFAULT_MAX_PAYLOAD_LENGTH}. */
    public TransportDetector(RandomSource random) {
        this(random, FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH);
    }

    /** A detector whose codecs accept payloads up to {@code maxPayloadLength}; {@code random} pads frames. */
    public TransportDetector(RandomSource random, int maxPayloadLength) {
        this.random = Objects.requireNonNull(random, "random");
        if (maxPayloadLength < 4) {
            throw new IllegalArgumentException("maxPayloadLength must be at least 4: " + maxPayloadLength);
        }
        this.maxPayloadLength = maxPayloadLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            detect(ctx, in);
        } catch (TransportException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            log.debug("{}: {}", ctx.channel(), e.getMessage());
            ctx.fireExceptionCaught(e);
            ctx.close();
        }
    }

    private void detect(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.readerIndex();
        if (!in.isReadable()) {
            return;
        }
        if (in.getUnsignedByte(start) == 0xef) {
            in.skipBytes(1);
            install(ctx, TransportKind.ABRIDGED, null);
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        int first = in.getIntLE(start);
        if (first == TransportKind.INTERMEDIATE.obfuscationTag()) {
            in.skipBytes(4);
            install(ctx, TransportKind.INTERMEDIATE, null);
            return;
        }
        if (first == TransportKind.PADDED_INTERMEDIATE.obfuscationTag()) {
            in.skipBytes(4);
            install(ctx, TransportKind.PADDED_INTERMEDIATE, null);
            return;
        }
        for (int other : HTTP_OR_TLS) {
            if (first == other) {
                throw new TransportException(TransportException.Kind.UNKNOWN_PROTOCOL,
                        "the connection starts like HTTP or TLS (0x" + Integer.toHexString(first) + ")");
            }
        }
        if (in.readableBytes() < 8) {
            return;
        }
        if (in.getIntLE(start + 4) == 0) {
            install(ctx, TransportKind.FULL, null);
            return;
        }
        if (in.readableBytes() < Obfuscated2Init.LENGTH) {
            return;
        }
        byte[] header = new byte[Obfuscated2Init.LENGTH];
        in.readBytes(header);
        Obfuscated2Init init = Obfuscated2Init.fromClient(header);
        install(ctx, init.kind(), init);
    }

    private void install(ChannelHandlerContext ctx, TransportKind kind, Obfuscated2Init init) {
        DetectedTransport detected = new DetectedTransport(kind, init != null, init == null ? 0 : init.dcId());
        log.debug("{}: {}", ctx.channel(), detected);
        FrameCodecs.addCodecs(ctx.pipeline(), ctx.name(), kind, TransportSide.SERVER, init, maxPayloadLength, random);
        ctx.channel().attr(DetectedTransport.ATTRIBUTE).set(detected);
        ctx.fireUserEventTriggered(detected);
        ctx.pipeline().remove(this); // what is left of the input goes on to the new handlers
    }
}
