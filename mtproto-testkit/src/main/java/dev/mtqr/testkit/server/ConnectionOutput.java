package dev.mtqr.testkit.server;

import java.time.Duration;

/**
 * Where a {@link ServerConnection} sends what it has to say, and how it waits: the Netty channel in a running
 * cluster, a list in unit tests. Implementations are thread-safe: sessions may be pushed to from other DCs' threads.
 */
public interface ConnectionOutput {
    /** Sends one whole MTProto packet; the transport frames it. */
    void send(byte[] packet);

    /** Sends a transport error (a negative code such as -404) and closes the connection once it is written. */
    void sendTransportError(int code);

    /** Closes the connection. */
    void close();

    /**
     * Writes {@code bytes} past the transport's framing (and obfuscation), as a broken or hostile server would:
     * for the malformed-frame fault. Outputs without a byte stream underneath may ignore it.
     */
    default void sendRawTransportBytes(byte[] bytes) {
    }

    /** Runs {@code task} on the connection's thread after {@code delay} (at once, but later, for zero). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
