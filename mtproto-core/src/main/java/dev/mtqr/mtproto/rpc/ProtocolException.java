package dev.mtqr.mtproto.rpc;

/**
 * The server refused a message at the protocol level (a {@code bad_msg_notification} the client cannot fix by
 * itself, or a call that can no longer be answered), or the connection failed the call.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
