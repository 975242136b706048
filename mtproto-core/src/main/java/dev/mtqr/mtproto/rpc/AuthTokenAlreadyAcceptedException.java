package dev.mtqr.mtproto.rpc;

/** {@code AUTH_TOKEN_ALREADY_ACCEPTED}: another device already accepted this login token. */
public final class AuthTokenAlreadyAcceptedException extends RpcException {
    private static final long serialVersionUID = 1L;

    public AuthTokenAlreadyAcceptedException(int code, String message) {
        super(code, message);
    }
}
