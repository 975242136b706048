package dev.mtqr.mtproto.rpc;

/**
 * {@code X_MIGRATE_N} (303, core.telegram.org/api/datacenter): the call must be repeated on DC {@link #dc()}. For
 * {@link Kind#PHONE}, {@link Kind#NETWORK} and {@link Kind#USER} the account lives there, so that DC becomes the
 * client's main DC; {@link Kind#FILE} and {@link Kind#STATS} move only this call.
 */
public final class MigrateException extends RpcException {
    private static final long serialVersionUID = 1L;

    /** Which migration the server asked for. */
    public enum Kind {
        PHONE, NETWORK, USER, FILE, STATS;

        /** Whether the account's home (the client's main DC) moves, rather than this call alone. */
        public boolean movesMainDc() {
            return this == PHONE || this == NETWORK || this == USER;
        }
    }

    private final Kind kind;
    private final int dc;

    public MigrateException(int code, String message, Kind kind, int dc) {
        super(code, message);
        this.kind = kind;
        this.dc = dc;
    }

    public Kind kind() {
        return kind;
    }

    public int dc() {
        return dc;
    }
}
