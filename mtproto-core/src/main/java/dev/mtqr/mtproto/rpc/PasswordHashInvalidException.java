package dev.mtqr.mtproto.rpc;

/** {@code PASSWORD_HASH_INVALID}: the 2FA password was wrong. */
public final class PasswordHashInvalidException extends RpcException {
    private static final long serialVersionUID = 1L;

    public PasswordHashInvalidException(int code, String message) {
        super(code, message);
    }
}
