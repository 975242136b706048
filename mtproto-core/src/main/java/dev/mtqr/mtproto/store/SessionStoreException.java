package dev.mtqr.mtproto.store;

/**
 * A {@link SessionStore} could not load or save: the stored data is damaged, of an unknown version, or the
 * storage failed (the cause says how). The message says what is wrong and where, never the stored bytes.
 */
public class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
