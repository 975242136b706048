package dev.mtqr.qrlogin;

/**
 * Thrown by {@link LoginUrl#parse(String)} for text that is not a {@code tg://login?token=…} URL.
 *
 * <p>The message names what is wrong and never contains the token itself. {@link #reason()} lets a caller
 * tell the cases apart without reading the message.
 */
public final class InvalidLoginUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What made the URL unacceptable. */
    public enum Reason {
        /** The scheme is missing or is not {@code tg}. */
        WRONG_SCHEME,
        /** The host is not {@code login}, or a path follows it. */
        WRONG_HOST,
        /** There is no {@code token} query parameter. */
        NO_TOKEN,
        /** The token parameter is present but decodes to no bytes. */
        EMPTY_TOKEN,
        /** The token is not base64url (RFC 4648 §5), padded or not. */
        BAD_BASE64,
        /** Something follows the token: another parameter, a fragment, whitespace. */
        EXTRA_INPUT
    }

    private final Reason reason;

    InvalidLoginUrlException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
