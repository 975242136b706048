package dev.mtqr.mtproto.rpc;

/** {@code AUTH_TOKEN_INVALID}: the login token is not one the server issued. */
public final class AuthTokenInvalidException extends RpcException {
    private static final long serialVersionUID = 1L;

    public AuthTokenInvalidException(int code, String message) {
        super(code, message);
    }
}
