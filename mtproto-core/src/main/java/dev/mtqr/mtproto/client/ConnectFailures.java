package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.client.ConnectionFailedException.Reason;
import dev.mtqr.mtproto.dial.ForeignProtocolException;
import dev.mtqr.mtproto.transport.TransportException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** Names why a pipe closed, as a {@link ConnectionFailedException} a person can act on. */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /**
     * @param cause  what the pipe reported (null: closed by the peer)
     * @param opened whether the pipe had opened
     */
    static ConnectionFailedException classify(Throwable cause, boolean opened, DcAddress address) {
        int dc = address.id();
        String where = address.host() + ":" + address.port();
        if (cause == null) {
            return new ConnectionFailedException(Reason.CLOSED, dc, where, "the server closed the connection", null);
        }
        if (cause instanceof ForeignProtocolException foreign) {
            return new ConnectionFailedException(Reason.NOT_MTPROTO, dc, where,
                    "does not speak MTProto: it answered " + foreign.answered(), cause);
        }
        if (cause instanceof TransportException transport) {
            return transport.kind().fromServer()
                    ? new ConnectionFailedException(Reason.TRANSPORT_ERROR, dc, where, transport.getMessage(), cause)
                    : new ConnectionFailedException(Reason.BAD_PACKET, dc, where, "a broken frame: "
                            + transport.getMessage(), cause);
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return new ConnectionFailedException(Reason.UNREACHABLE, dc, where, "unknown host " + address.host(), cause);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new ConnectionFailedException(Reason.TIMED_OUT, dc, where, "no connection", cause);
        }
        if (cause instanceof ConnectException) {
            return new ConnectionFailedException(Reason.REFUSED, dc, where, "connection refused", cause);
        }
        if (cause instanceof NoRouteToHostException || (!opened && cause instanceof SocketException)) {
            return new ConnectionFailedException(Reason.UNREACHABLE, dc, where, "unreachable ("
                    + firstLine(cause) + ")", cause);
        }
        return new ConnectionFailedException(Reason.CLOSED, dc, where, "the connection failed: " + firstLine(cause),
                cause);
    }

    private static String firstLine(Throwable cause) {
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
