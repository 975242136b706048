package dev.mtqr.qrlogin;

/** The QR login cannot go on: for example the account needs a sign-up, or no password prompt was given. */
public final class QrLoginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QrLoginException(String message) {
        super(message);
    }

    public QrLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
