package dev.mtqr.mtproto.dial;

import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a client connection's pipeline, behind the transport's codecs, and the {@link Pipe} the DC
 * link holds: packets in are copied out, released and handed to the {@link PipeListener}; packets out go down the
 * pipeline; the first failure is kept and reported with {@link PipeListener#closed} once the channel is gone. Bytes
 * no transport frames, before any frame was read, become a {@link ForeignProtocolException} naming what arrived
 * ({@link FirstBytes}). Events go to the listener on its scheduler's thread.
 */
public final class PipeHandler extends ChannelInboundHandlerAdapter implements Pipe {
    private final Scheduler scheduler;
    private final PipeListener listener;
    private final FirstBytes firstBytes;
    private volatile Channel channel;
    private volatile boolean closing;
    private Throwable failure;
    private boolean framed;
    private boolean reported;

    /**
     * @param firstBytes the sniffer at the head of the same pipeline, or null
     */
    public PipeHandler(Scheduler scheduler, PipeListener listener, FirstBytes firstBytes) {
        this.scheduler = scheduler;
        this.listener = listener;
        this.firstBytes = firstBytes;
    }

    /** Binds the pipe to its channel before the channel connects. */
    public void bind(Channel ch) {
        this.channel = ch;
        if (closing) {
            ch.close();
        }
    }

    /** The channel could not connect: reports the cause (none if this side gave up). */
    public void connectFailed(Throwable cause) {
        report(closing ? null : cause);
    }

    @Override
    public void send(byte[] packet) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(Unpooled.wrappedBuffer(packet), ch.voidPromise());
        }
    }

    @Override
    public void close() {
        closing = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (closing) {
            ctx.close();
        } else {
            deliver(listener::opened);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf buf && !closing) {
                framed = true;
                byte[] packet = ByteBufUtil.getBytes(buf);
                deliver(() -> listener.received(packet));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause instanceof TransportException t && !t.kind().fromServer() && !framed && firstBytes != null
                    ? new ForeignProtocolException(firstBytes.describe(), cause) : cause;
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        report(closing ? null : failure);
        ctx.fireChannelInactive();
    }

    private void report(Throwable cause) {
        deliver(() -> {
            if (!reported) {
                reported = true;
                listener.closed(cause);
            }
        });
    }

    private void deliver(Runnable event) {
        if (scheduler.inThread()) {
            event.run();
        } else {
            scheduler.execute(event);
        }
    }
}
