package dev.mtqr.mtproto.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sends what a client must send "before sending anything into the underlying socket"
 * (core.telegram.org/mtproto/mtproto-transports): the transport's protocol header ({@code 0xef},
 * {@code 0xeeeeeeee}, {@code 0xdddddddd}), or the 64-byte init of an obfuscated connection. It writes once the
 * channel is active (at once if it already is), before passing {@code channelActive} on, then leaves the pipeline.
 * It must sit closer to the socket than the encoders, so that the bytes go out as given.
 */
public final class ProtocolHeaderWriter extends ChannelInboundHandlerAdapter {
    private final byte[] header;
    private boolean written;

    /** Writes {@code header} (not copied). */
    public ProtocolHeaderWriter(byte[] header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("an empty protocol header");
        }
        this.header = header;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            write(ctx);
            ctx.pipeline().remove(this);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        write(ctx);
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    private void write(ChannelHandlerContext ctx) {
        if (!written) {
            written = true;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(header))
                    .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }
}
