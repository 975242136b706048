package dev.mtqr.testkit.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * The socket end of one side of a {@link Wire}: the first handler of an embedded pipeline, where writes and closes
 * would reach the socket. Bytes written are copied out, released and handed to the wire; a close goes to the wire
 * too, so that the other side sees it after what was written before.
 */
final class WireEnd extends ChannelOutboundHandlerAdapter {
    private final Wire wire;
    private final boolean client;

    WireEnd(Wire wire, boolean client) {
        this.wire = wire;
        this.client = client;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        try {
            if (msg instanceof ByteBuf buf) {
                wire.carry(client, ByteBufUtil.getBytes(buf));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
        promise.trySuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // every write has left already
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        wire.closedBy(client);
        ctx.close(promise);
    }
}
