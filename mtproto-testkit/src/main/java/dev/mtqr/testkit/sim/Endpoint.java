package dev.mtqr.testkit.sim;

/**
 * What answers at an address of a {@link SimulatedNetwork}: the DC that serves there, or a fault of the kind real
 * networks have.
 */
public enum Endpoint {
    /** The DC: an MTProto server. */
    SERVE,
    /** Nothing listens: the connection is refused. */
    REFUSE,
    /** No route to the host. */
    UNREACHABLE,
    /** Something accepts the connection, reads what comes and never answers. */
    SILENT,
    /** An HTTP server: it answers the first bytes with {@code HTTP/1.1 400 Bad Request} and closes. */
    HTTP
}
