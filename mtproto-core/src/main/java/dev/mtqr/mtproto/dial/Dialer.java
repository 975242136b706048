package dev.mtqr.mtproto.dial;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.time.Scheduler;

/**
 * Opens pipes of MTProto packets to DCs. {@link TcpDialer} is the default; tests and simulations supply their own.
 */
@FunctionalInterface
public interface Dialer {
    /**
     * Starts opening a pipe to {@code address} and returns it at once; {@link PipeListener#opened} follows when
     * packets can flow, or {@link PipeListener#closed} when it could not be opened. Every event is delivered on
     * {@code scheduler}'s thread, and {@code closed} exactly once.
     */
    Pipe dial(DcAddress address, TransportOptions transport, Scheduler scheduler, PipeListener listener);
}
