package dev.mtqr.mtproto.time;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The thread a piece of protocol state belongs to, and its timers: every task runs on that one thread, one at a
 * time, in the order submitted (timers in the order they fall due). The client's DC links run on one, so that
 * nothing they own needs a lock; {@link EventLoopScheduler} puts it on a Netty event loop, {@link VirtualScheduler}
 * on a test's thread in virtual time.
 */
public interface Scheduler extends Executor {
    /** Runs {@code task} on this scheduler's thread, after the tasks already submitted. */
    @Override
    void execute(Runnable task);

    /** Runs {@code task} on this scheduler's thread once {@code delay} has passed. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Whether the calling thread is this scheduler's. */
    boolean inThread();
}
