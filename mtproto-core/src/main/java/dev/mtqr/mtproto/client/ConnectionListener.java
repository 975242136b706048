package dev.mtqr.mtproto.client;

/**
 * Hears every change of a client's connection to each DC, in order, off the I/O threads (on the client's callback
 * executor). What a UI or a command line needs to say within seconds why nothing happens.
 *
 * <pre>{@code
 * client.addConnectionListener((dc, state) -> {
 *     if (state instanceof ConnectionState.RetryingIn retrying) {
 *         status.show("DC " + dc + ": " + retrying.cause().getMessage() + "; retrying in " + retrying.delay());
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionListener {
    void onConnectionState(int dcId, ConnectionState state);

    /** A listener added to a client; closing it removes the listener. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
