package dev.mtqr.mtproto.transport;

/**
 * Which end of the connection a codec serves. The framings are symmetric except for what only one side sends
 * (core.telegram.org/mtproto/mtproto-transports, "#quick-ack" and "#transport-errors"): clients ask for quick acks
 * with a flag in the envelope, servers answer with standalone quick-ack packets and send transport errors.
 */
public enum TransportSide {
    /** Encodes client-to-server frames and decodes server-to-client frames. */
    CLIENT,
    /** Encodes server-to-client frames and decodes client-to-server frames. */
    SERVER
}
