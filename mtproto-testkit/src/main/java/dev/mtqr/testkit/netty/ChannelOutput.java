package dev.mtqr.testkit.netty;

import dev.mtqr.mtproto.transport.TransportError;
import dev.mtqr.testkit.server.ConnectionOutput;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ConnectionOutput} on a Netty channel whose pipeline ends in the server transport's frame encoder: packets
 * go out as {@code ByteBuf} payloads (the encoder frames and releases them; a write to a closed channel releases
 * them too), transport errors as {@link TransportError}, and timers run on the channel's event loop.
 */
final class ChannelOutput implements ConnectionOutput {
    private final Channel channel;

    ChannelOutput(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(byte[] packet) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(packet), channel.voidPromise());
    }

    @Override
    public void sendTransportError(int code) {
        new TransportError(code).writeAndClose(channel);
    }

    @Override
    public void sendRawTransportBytes(byte[] bytes) {
        channel.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = channel.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
