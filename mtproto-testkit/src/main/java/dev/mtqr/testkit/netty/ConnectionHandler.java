package dev.mtqr.testkit.netty;

import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.DetectedTransport;
import dev.mtqr.mtproto.transport.QuickAck;
import dev.mtqr.mtproto.transport.QuickAckRequest;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.testkit.server.ServerConnection;
import dev.mtqr.testkit.server.ServerDc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a DC's connection, behind the transport the detector installed: each MTProto packet (a
 * {@code ByteBuf}, or a {@link QuickAckRequest} that also gets its {@link QuickAck} once the DC takes it in) is
 * copied out, released, and handed to the DC's {@link ServerConnection}.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ServerDc dc;
    private final Function<Channel, Scheduler> timers;
    private ServerConnection connection;

    /** @param timers where a connection's timers run, given its channel */
    ConnectionHandler(ServerDc dc, Function<Channel, Scheduler> timers) {
        this.dc = dc;
        this.timers = timers;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = dc.connect(new ChannelOutput(ctx.channel(), timers.apply(ctx.channel())));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean quickAck = msg instanceof QuickAckRequest;
        ByteBuf payload = msg instanceof QuickAckRequest request ? request.content()
                : msg instanceof ByteBuf buf ? buf : null;
        byte[] packet = payload == null ? null : ByteBufUtil.getBytes(payload);
        ReferenceCountUtil.release(msg);
        if (packet == null) {
            LOG.warn("DC {}: ignoring a {}", dc.id(), msg.getClass().getName());
            return;
        }
        connection.onPacket(packet, quickAck ? () -> sendQuickAck(ctx, packet) : () -> {
        });
    }

    private void sendQuickAck(ChannelHandlerContext ctx, byte[] packet) {
        OptionalInt token = QuickAckTokens.of(dc.keys(), packet);
        if (token.isPresent()) {
            ctx.writeAndFlush(new QuickAck(token.getAsInt()), ctx.voidPromise());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof DetectedTransport detected) {
            LOG.debug("DC {}: {} speaks {}", dc.id(), ctx.channel().remoteAddress(), detected);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TransportException) {
            LOG.info("DC {}: {}; closing", dc.id(), cause.getMessage());
        } else {
            LOG.warn("DC {}: closing after an error", dc.id(), cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.closed();
        }
        ctx.fireChannelInactive();
    }
}
