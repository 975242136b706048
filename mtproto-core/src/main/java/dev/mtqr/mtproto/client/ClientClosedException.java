package dev.mtqr.mtproto.client;

/** The client was closed: the call was not sent, or its answer can no longer arrive. */
public final class ClientClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClientClosedException() {
        super("the client is closed");
    }
}
