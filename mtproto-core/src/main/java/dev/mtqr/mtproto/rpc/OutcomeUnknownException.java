package dev.mtqr.mtproto.rpc;

/**
 * A call reached the server, or may have, and its answer can no longer be had: the session it was sent in had to
 * be replaced (the server forgot the auth key, or the session could not go on), so the server may or may not have
 * executed it. The caller decides: repeat it if it is idempotent, or check the state it changes.
 * (core.telegram.org/mtproto/service_messages_about_messages: an answer is only ever asked for within its session.)
 */
public final class OutcomeUnknownException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String method;

    public OutcomeUnknownException(String method, String why, Throwable cause) {
        super(method + " may or may not have been executed: " + why, cause);
        this.method = method;
    }

    /** The TL name of the method, such as {@code auth.importLoginToken}. */
    public String method() {
        return method;
    }
}
