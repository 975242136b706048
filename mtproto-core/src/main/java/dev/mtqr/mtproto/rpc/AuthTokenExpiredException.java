package dev.mtqr.mtproto.rpc;

/** {@code AUTH_TOKEN_EXPIRED}: the login token is no longer valid; export a new one. */
public final class AuthTokenExpiredException extends RpcException {
    private static final long serialVersionUID = 1L;

    public AuthTokenExpiredException(int code, String message) {
        super(code, message);
    }
}
