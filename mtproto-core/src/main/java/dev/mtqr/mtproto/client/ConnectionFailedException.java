package dev.mtqr.mtproto.client;

import java.util.Objects;

/**
 * Why a connection to a DC could not be made or did not last, as a {@link Reason} a caller can branch on and a
 * one-line message a person can act on ({@code DC 2 at 149.154.167.51:443: connection refused}). The DC link
 * publishes it in {@link ConnectionState}; calls that cannot be sent because of it fail with it.
 */
public final class ConnectionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The host has no address, or no route leads to it. */
        UNREACHABLE(false),
        /** Nothing listens there: the connection was refused. */
        REFUSED(false),
        /** No connection, or no MTProto answer on it, within the connect deadline; or no pong on an open one. */
        TIMED_OUT(false),
        /** What answers there is not an MTProto server (it sent bytes no transport frames, such as HTTP). */
        NOT_MTPROTO(true),
        /** The server's side of the auth-key exchange failed a check (its RSA key, its DH values…). */
        KEY_EXCHANGE_REFUSED(true),
        /** The server sent a transport error (-429 flood, -444 invalid DC…). */
        TRANSPORT_ERROR(false),
        /** The server, or something on the way, closed or reset the connection. */
        CLOSED(false),
        /** A packet failed decryption; the connection is dropped and made again, as TDLib does. */
        BAD_PACKET(false);

        private final boolean permanent;

        Reason(boolean permanent) {
            this.permanent = permanent;
        }

        /** Whether trying again cannot help (the link gives up at once instead of retrying). */
        public boolean permanent() {
            return permanent;
        }
    }

    private final Reason reason;
    private final int dcId;
    private final String address;
    private final String detail;

    /**
     * @param reason  what went wrong
     * @param dcId    the DC
     * @param address {@code host:port}
     * @param detail  what was seen, for the message
     * @param cause   the underlying error, or null
     */
    public ConnectionFailedException(Reason reason, int dcId, String address, String detail, Throwable cause) {
        super("DC " + dcId + " at " + address + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.dcId = dcId;
        this.address = address;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public int dcId() {
        return dcId;
    }

    /** {@code host:port}. */
    public String address() {
        return address;
    }

    /** What was seen, without the DC and address ({@code connection refused}). */
    public String detail() {
        return detail;
    }
}
