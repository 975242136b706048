package dev.mtqr.mtproto.dial;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.time.EventLoopScheduler;
import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.ClientTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Objects;

/**
 * Pipes over plain TCP: the transport's codecs on a Netty channel, on the event loop of the link that dials when it
 * runs on one (so that the link and its channel share a thread), else on a loop of {@code group}. The link enforces
 * the connect deadline itself; the channel's own connect timeout is only a backstop.
 */
public final class TcpDialer implements Dialer {
    private static final int BACKSTOP_CONNECT_TIMEOUT_MILLIS = 60_000;
    private final EventLoopGroup group;

    /** Dials on the links' own event loops, or on {@code group} for links that run elsewhere. */
    public TcpDialer(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
    }

    @Override
    public Pipe dial(DcAddress address, TransportOptions transport, Scheduler scheduler, PipeListener listener) {
        EventLoop loop = scheduler instanceof EventLoopScheduler onLoop ? onLoop.eventLoop() : group.next();
        FirstBytes firstBytes = new FirstBytes();
        PipeHandler pipe = new PipeHandler(scheduler, listener, firstBytes);
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, BACKSTOP_CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("first-bytes", firstBytes);
                        ClientTransport.install(ch.pipeline(), transport.kind(), transport.obfuscated(),
                                transport.dcTag(), transport.random(), transport.maxPayloadLength());
                        ch.pipeline().addLast("pipe", pipe);
                    }
                });
        ChannelFuture connecting = bootstrap.connect(address.host(), address.port());
        pipe.bind(connecting.channel());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                pipe.connectFailed(f.cause());
            }
        });
        return pipe;
    }
}
