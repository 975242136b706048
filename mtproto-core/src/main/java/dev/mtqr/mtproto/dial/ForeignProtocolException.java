package dev.mtqr.mtproto.dial;

/**
 * The peer sent bytes that no MTProto transport frames: whatever answers at that address speaks another protocol.
 * {@link #answered()} is what it sent, for a person to recognise: its first line when it is text
 * ({@code HTTP/1.1 400 Bad Request}), else its first bytes in hex.
 */
public final class ForeignProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String answered;

    public ForeignProtocolException(String answered, Throwable cause) {
        super("the peer does not speak MTProto: it answered " + answered, cause);
        this.answered = answered;
    }

    /** What the peer sent, as a person would recognise it. */
    public String answered() {
        return answered;
    }
}
