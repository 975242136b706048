package dev.mtqr.mtproto.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The last handler of a test pipeline: keeps the exceptions and user events that reach it (so that a test can look
 * at each one, typed) and passes messages on to the {@code EmbeddedChannel}'s inbound queue.
 */
final class Recorder extends ChannelInboundHandlerAdapter {
    final List<Throwable> exceptions = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        exceptions.add(cause);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
        ctx.fireUserEventTriggered(evt);
    }

    /** The only exception seen, which must be a {@link TransportException}. */
    TransportException onlyTransportException() {
        if (exceptions.size() != 1 || !(exceptions.get(0) instanceof TransportException e)) {
            throw new AssertionError("expected one TransportException, got " + exceptions);
        }
        return e;
    }
}
