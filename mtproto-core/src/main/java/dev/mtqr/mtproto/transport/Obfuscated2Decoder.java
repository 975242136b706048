package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Decrypts everything received on an obfuscated connection with the peer's AES-256-CTR stream, which continues from
 * one read to the next (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation). Sits between the socket
 * and the frame decoder; the 64-byte init is not part of its input (a server's {@link TransportDetector} reads it).
 */
public final class Obfuscated2Decoder extends MessageToMessageDecoder<ByteBuf> {
    private final AesCtrStream stream;

    /** Decrypts with {@code init}'s incoming stream. */
    public Obfuscated2Decoder(Obfuscated2Init init) {
        this.stream = init.decryptor();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        ByteBuf plain = ctx.alloc().buffer(in.readableBytes());
        try {
            stream.apply(in, plain);
            out.add(plain);
            plain = null;
        } finally {
            if (plain != null) {
                plain.release();
            }
        }
    }
}
