package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Encrypts everything sent on an obfuscated connection with this side's AES-256-CTR stream, which continues from one
 * write to the next (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation). Sits between the frame
 * encoder and the socket; the init itself goes out below it (see {@link ProtocolHeaderWriter}), already encrypted
 * where the spec asks.
 */
public final class Obfuscated2Encoder extends MessageToByteEncoder<ByteBuf> {
    private final AesCtrStream stream;

    /** Encrypts with {@code init}'s outgoing stream. */
    public Obfuscated2Encoder(Obfuscated2Init init) {
        this.stream = init.encryptor();
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        stream.apply(msg, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, ByteBuf msg, boolean preferDirect) {
        int size = msg.readableBytes();
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }
}
