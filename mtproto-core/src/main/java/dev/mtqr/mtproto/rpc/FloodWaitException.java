package dev.mtqr.mtproto.rpc;

/** FLOOD_WAIT_X (420): the call may be repeated after {@link #seconds()} seconds. */
public final class FloodWaitException extends RpcException {
    private static final long serialVersionUID = 1L;
    private final int seconds;

    public FloodWaitException(int code, String message, int seconds) {
        super(code, message);
        this.seconds = seconds;
    }

    public int seconds() {
        return seconds;
    }
}
