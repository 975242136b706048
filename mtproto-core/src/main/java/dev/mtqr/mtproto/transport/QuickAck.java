package dev.mtqr.mtproto.transport;

/**
 * A quick-ack token (core.telegram.org/mtproto/mtproto-transports#quick-ack): the first 32 bits of the SHA-256 that
 * gives msg_key, read little-endian, with the most significant bit set. A client-side decoder emits it when the
 * server acknowledges receipt of a packet sent as a {@link QuickAckRequest}; a server writes it to its pipeline to
 * send one (the encoder uses the envelope of the connection's transport).
 *
 * @param token the token; its most significant bit is always set
 */
public record QuickAck(int token) {
    public QuickAck {
        if (token >= 0) {
            throw new IllegalArgumentException("a quick-ack token has its most significant bit set: "
                    + Integer.toHexString(token));
        }
    }

    @Override
    public String toString() {
        return "QuickAck[token=0x" + Integer.toHexString(token) + "]";
    }
}
