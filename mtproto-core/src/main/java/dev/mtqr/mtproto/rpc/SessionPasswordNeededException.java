package dev.mtqr.mtproto.rpc;

/** {@code SESSION_PASSWORD_NEEDED (401)}: the account has a 2FA password; check it with SRP. */
public final class SessionPasswordNeededException extends RpcException {
    private static final long serialVersionUID = 1L;

    public SessionPasswordNeededException(int code, String message) {
        super(code, message);
    }
}
