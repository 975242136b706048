package dev.mtqr.mtproto.time;

/** A scheduled task that can still be called off; cancelling one that ran or was cancelled does nothing. */
@FunctionalInterface
public interface Cancellable {
    /** A handle for nothing scheduled. */
    Cancellable NONE = () -> { };

    void cancel();
}
