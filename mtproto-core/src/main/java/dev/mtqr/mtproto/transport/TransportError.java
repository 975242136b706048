package dev.mtqr.mtproto.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * A transport error for a server to send (core.telegram.org/mtproto/mtproto-transports#transport-errors): written to
 * a server-side pipeline, the frame encoder sends it as a 4-byte payload holding the negative code (little-endian),
 * framed like any payload of the connection's transport. The client's decoder turns it into a
 * {@link TransportException}.
 *
 * <p>Example: {@code TransportError.AUTH_KEY_NOT_FOUND.writeAndClose(channel)}.
 *
 * @param code the negative error code, as on the wire
 */
public record TransportError(int code) {
    /** -404: auth key not found (also for wrong MTProto fields). */
    public static final TransportError AUTH_KEY_NOT_FOUND = new TransportError(-404);
    /** -429: transport flood. */
    public static final TransportError TRANSPORT_FLOOD = new TransportError(-429);
    /** -444: invalid DC. */
    public static final TransportError INVALID_DC = new TransportError(-444);

    public TransportError {
        if (code >= 0) {
            throw new IllegalArgumentException("transport error codes are negative: " + code);
        }
    }

    /** Sends this error and closes the channel once it is written, as Telegram's servers do. */
    public ChannelFuture writeAndClose(Channel channel) {
        return channel.writeAndFlush(this).addListener(ChannelFutureListener.CLOSE);
    }
}
