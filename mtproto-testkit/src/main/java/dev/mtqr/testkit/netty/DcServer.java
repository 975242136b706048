package dev.mtqr.testkit.netty;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.time.EventLoopScheduler;
import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.TransportDetector;
import dev.mtqr.testkit.server.ServerDc;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * One DC on TCP: its own {@link ServerBootstrap}, each connection starting with a {@link TransportDetector} (abridged,
 * intermediate, padded intermediate or full, plain or obfuscated) followed by a {@link ConnectionHandler}.
 */
public final class DcServer implements AutoCloseable {
    private final ServerDc dc;
    private final Channel channel;

    private DcServer(ServerDc dc, Channel channel) {
        this.dc = dc;
        this.channel = channel;
    }

    /**
     * Binds {@code dc} to {@code host:port} (port 0: any free port) and waits until it listens.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static DcServer bind(ServerDc dc, String host, int port, EventLoopGroup boss, EventLoopGroup workers,
            RandomSource random) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        install(ch.pipeline(), dc, random, channel -> new EventLoopScheduler(channel.eventLoop()));
                    }
                });
        try {
            Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
            return new DcServer(dc, channel);
        } catch (Exception e) {
            throw new java.io.UncheckedIOException("cannot bind DC " + dc.id() + " to " + host + ":" + port,
                    e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
    }

    /**
     * Makes {@code pipeline} the server end of a connection to {@code dc}: a {@link TransportDetector} for whatever
     * transport the client speaks, then the handler that feeds the DC; the connection's timers run where
     * {@code timers} says (the channel's event loop over TCP; virtual time in a simulation).
     */
    public static void install(ChannelPipeline pipeline, ServerDc dc, RandomSource random,
            Function<Channel, Scheduler> timers) {
        pipeline.addLast("detector", new TransportDetector(random));
        pipeline.addLast("connection", new ConnectionHandler(dc, timers));
    }

    /** Where the DC listens. */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops listening and closes every connection of the DC. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        dc.dropConnections();
    }
}
