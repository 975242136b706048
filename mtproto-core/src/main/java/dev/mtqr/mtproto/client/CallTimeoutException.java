package dev.mtqr.mtproto.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A call got no answer within its timeout. When the DC could not be reached meanwhile, the cause is the
 * {@link ConnectionFailedException} that says why, so that a timeout never hides a connection failure.
 */
public final class CallTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;
    private final String method;

    public CallTimeoutException(String method, Duration timeout, Throwable connectionFailure) {
        super(method + ": no answer within " + human(timeout)
                + (connectionFailure == null ? "" : " (" + connectionFailure.getMessage() + ")"));
        this.method = method;
        if (connectionFailure != null) {
            initCause(connectionFailure);
        }
    }

    /** The TL name of the method, such as {@code auth.exportLoginToken}. */
    public String method() {
        return method;
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
