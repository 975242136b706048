package dev.mtqr.mtproto.rpc;

/** *_MIGRATE_X (303): the call must be repeated on DC {@link #dc()}. */
public final class MigrateException extends RpcException {
    private static final long serialVersionUID = 1L;
    private final int dc;

    public MigrateException(int code, String message, int dc) {
        super(code, message);
        this.dc = dc;
    }

    public int dc() {
        return dc;
    }
}
