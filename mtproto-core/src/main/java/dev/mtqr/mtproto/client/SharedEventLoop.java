package dev.mtqr.mtproto.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.NettyRuntime;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event loops every client shares unless given its own: one per core, daemon threads, made for the first client
 * and shut down when the last one closes. A thousand clients cost no more threads than one.
 */
final class SharedEventLoop {
    private static EventLoopGroup group;
    private static int users;

    private SharedEventLoop() {
    }

    static synchronized EventLoopGroup acquire() {
        if (group == null) {
            group = new NioEventLoopGroup(NettyRuntime.availableProcessors(), daemonThreads());
        }
        users++;
        return group;
    }

    static synchronized void release() {
        if (--users == 0) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mtqr-io-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
