package dev.mtqr.examples;

/**
 * A command that cannot go on, with the exit code the {@code mtqr} contract gives it: 2 for a usage error (a bad
 * flag value, a bad URL), 3 for a login that failed or expired, 4 for a network failure. The message is the one line
 * {@code mtqr} prints.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int USAGE = 2;
    static final int LOGIN_FAILED = 3;
    static final int NETWORK = 4;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /** With the error it stands for, for callers that branch on it; never printed. */
    CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message);
    }

    static CommandFailure loginFailed(String message) {
        return new CommandFailure(LOGIN_FAILED, message);
    }

    static CommandFailure network(String message) {
        return new CommandFailure(NETWORK, message);
    }

    int exitCode() {
        return exitCode;
    }
}
