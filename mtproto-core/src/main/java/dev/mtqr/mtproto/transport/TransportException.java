package dev.mtqr.mtproto.transport;

/**
 * A failure at the transport layer: either a transport error the server sent (core.telegram.org/mtproto/
 * mtproto-transports#transport-errors: a 4-byte payload holding a negative little-endian int32), or bytes that break
 * the framing rules. The codecs deliver it through {@code exceptionCaught}, so the next handler sees it; after a
 * {@linkplain Kind#fromServer() local} failure the codec has also closed the channel.
 *
 * <p>Example: {@code new TransportException(-404)} has kind {@link Kind#AUTH_KEY_NOT_FOUND}, code -404 and the
 * message {@code "transport error -404 (AUTH_KEY_NOT_FOUND): auth key not found"}.
 */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the first four are transport errors sent by the server, the rest are found locally. */
    public enum Kind {
        /** -404: the DC does not know the auth key, or an MTProto field (such as the length) is wrong. */
        AUTH_KEY_NOT_FOUND(-404, "auth key not found"),
        /** -429: too many connections from one IP, or container/service message limits reached. */
        TRANSPORT_FLOOD(-429, "transport flood"),
        /** -444: an invalid DC id (key creation, MTProxy, ...). */
        INVALID_DC(-444, "invalid DC"),
        /** Any other negative code the server sent. */
        SERVER_ERROR(0, "transport error"),
        /** A frame that breaks its transport's rules: zero or unaligned length, a length below the overhead. */
        MALFORMED_FRAME(0, "malformed frame"),
        /** A frame whose payload is longer than the codec's limit. */
        FRAME_TOO_LARGE(0, "frame too large"),
        /** Full transport: a TCP sequence number other than the next one. */
        BAD_SEQNO(0, "bad sequence number"),
        /** Full transport: the CRC32 does not match. */
        BAD_CHECKSUM(0, "bad checksum"),
        /** The first bytes of a connection match no transport, or an obfuscated init carries an unknown tag. */
        UNKNOWN_PROTOCOL(0, "unknown protocol");

        private final int code;
        private final String description;

        Kind(int code, String description) {
            this.code = code;
            this.description = description;
        }

        /** Whether the server sent this as a transport error (rather than it being found locally). */
        public boolean fromServer() {
            return ordinal() <= SERVER_ERROR.ordinal();
        }

        /** A short English description. */
        public String description() {
            return description;
        }

        /** The kind for a transport error code sent by the server. */
        public static Kind ofCode(int code) {
            for (Kind kind : values()) {
                if (kind.code != 0 && kind.code == code) {
                    return kind;
                }
            }
            return SERVER_ERROR;
        }
    }

    private final Kind kind;
    private final int code;

    /** A transport error the server sent; {@code code} is negative, as on the wire (-404, -429, -444...). */
    public TransportException(int code) {
        this(Kind.ofCode(code), code, "transport error " + code + " (" + Kind.ofCode(code) + "): "
                + Kind.ofCode(code).description);
    }

    /** A failure found locally; {@code detail} says what was seen. {@code kind} must not be a server error. */
    public TransportException(Kind kind, String detail) {
        this(kind, 0, kind + ": " + kind.description + ": " + detail);
        if (kind.fromServer()) {
            throw new IllegalArgumentException(kind + " carries a code; use TransportException(int)");
        }
    }

    private TransportException(Kind kind, int code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The error code as sent by the server (negative), or 0 for a failure found locally. */
    public int code() {
        return code;
    }

    /** The kind's name, such as {@code AUTH_KEY_NOT_FOUND} or {@code MALFORMED_FRAME}. */
    public String name() {
        return kind.name();
    }
}
