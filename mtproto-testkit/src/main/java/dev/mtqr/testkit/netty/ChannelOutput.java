package dev.mtqr.testkit.netty;

import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.TransportError;
import dev.mtqr.testkit.server.ConnectionOutput;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.time.Duration;

/**
 * A {@link ConnectionOutput} on a Netty channel whose pipeline ends in the server transport's frame encoder: packets
 * go out as {@code ByteBuf} payloads (the encoder frames and releases them; a write to a closed channel releases
 * them too), transport errors as {@link TransportError}, and timers run on the connection's {@link Scheduler} (the
 * channel's event loop over TCP, virtual time in a simulation).
 */
final class ChannelOutput implements ConnectionOutput {
    private final Channel channel;
    private final Scheduler timers;

    ChannelOutput(Channel channel, Scheduler timers) {
        this.channel = channel;
        this.timers = timers;
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
        dev.mtqr.mtproto.time.Cancellable scheduled = timers.schedule(delay, task);
        return scheduled::cancel;
    }
}
