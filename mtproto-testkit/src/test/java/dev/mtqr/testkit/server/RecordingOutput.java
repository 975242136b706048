package dev.mtqr.testkit.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link ConnectionOutput} that keeps what the server sends and runs scheduled tasks when the test says so. */
final class RecordingOutput implements ConnectionOutput {
    /** A task the server scheduled. */
    static final class Task {
        final Duration delay;
        final Runnable action;
        volatile boolean cancelled;

        Task(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }
    }

    final List<byte[]> packets = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> transportErrors = Collections.synchronizedList(new ArrayList<>());
    final List<Task> tasks = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;

    @Override
    public void send(byte[] packet) {
        if (!closed) {
            packets.add(packet);
        }
    }

    @Override
    public void sendTransportError(int code) {
        transportErrors.add(code);
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(delay, task);
        tasks.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    /** Runs the pending tasks that are not cancelled, as if their delays had passed; returns how many ran. */
    int runTasks() {
        int ran = 0;
        for (int round = 0; round < 10 && !tasks.isEmpty(); round++) {
            List<Task> due;
            synchronized (tasks) {
                due = new ArrayList<>(tasks);
                tasks.clear();
            }
            for (Task task : due) {
                if (!task.cancelled) {
                    task.action.run();
                    ran++;
                }
            }
        }
        return ran;
    }

    /** The tasks still pending and not cancelled. */
    List<Task> pending() {
        synchronized (tasks) {
            return tasks.stream().filter(t -> !t.cancelled).toList();
        }
    }
}
