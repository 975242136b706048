package dev.mtqr.mtproto.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} in virtual time, for tests and simulations: nothing runs until the owner thread says so, and
 * time only moves when it does ({@link #advance}, {@link #runUntil}), jumping from one timer to the next. A client
 * built on it (and a test server whose connections schedule on it) runs a whole protocol exchange — timeouts,
 * backoff, expiry — deterministically and in no real time.
 *
 * <p>It keeps two times, as a machine does: a monotonic one that timers follow, and a wall clock ({@link #clock()})
 * that is the monotonic time plus an offset {@link #jumpWallClock} can change, as when a machine's clock is set.
 *
 * <pre>{@code
 * VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
 * time.schedule(Duration.ofSeconds(10), () -> fired.set(true));
 * time.runUntil(fired::get, Duration.ofMinutes(1));   // returns true with the clock 10 s on
 * }</pre>
 *
 * <p>Tasks may be submitted from any thread; they run only on the thread that made the scheduler, when it calls
 * the run methods.
 */
public final class VirtualScheduler implements Scheduler {
    private record Task(long dueNanos, long sequence, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.sequence, b.sequence));
    private final long epochNanos;
    private final WallClock wall = new WallClock();
    private long nanos;
    private long sequence;
    private long wallOffsetNanos;
    private long ran;
    private final Thread owner = Thread.currentThread();

    /** Virtual time starting at {@code start}. */
    public VirtualScheduler(Instant start) {
        this.epochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    /** Virtual time starting at 2026-01-01T00:00:00Z. */
    public VirtualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The wall clock of this virtual machine: monotonic time plus whatever jumps were made. */
    public Clock clock() {
        return wall;
    }

    /** How much virtual time has passed since the start (monotonic; unaffected by wall-clock jumps). */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    /** How many tasks have run so far. */
    public synchronized long tasksRun() {
        return ran;
    }

    /** Sets the wall clock {@code by} forward (negative: back) without moving timers, as a clock step does. */
    public synchronized void jumpWallClock(Duration by) {
        wallOffsetNanos += by.toNanos();
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(nanos + Math.max(0, delay.toNanos()), sequence++, task, cancelled));
        return () -> {
            synchronized (VirtualScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    @Override
    public boolean inThread() {
        return Thread.currentThread() == owner;
    }

    /** Runs every task that is due now, including those they submit for now; returns how many ran. */
    public int runDue() {
        int count = 0;
        while (runNextDueBy(currentNanos())) {
            count++;
        }
        return count;
    }

    /** Moves time forward by {@code duration}, running each task when its time comes. */
    public void advance(Duration duration) {
        long until = currentNanos() + duration.toNanos();
        while (runNextDueBy(until)) {
            // keep going
        }
        synchronized (this) {
            nanos = Math.max(nanos, until);
        }
    }

    /**
     * Runs tasks in time order, moving time to each, until {@code condition} holds or {@code limit} of virtual time
     * has passed with it still false; then returns whether it holds. The condition is checked after every task.
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        long until = currentNanos() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!runNextDueBy(until)) {
                synchronized (this) {
                    nanos = Math.max(nanos, until);
                }
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    /** Runs tasks until none is left at any time (a timer that re-arms forever makes this spin: avoid). */
    public void runUntilIdle(Duration limit) {
        runUntil(() -> pending() == 0, limit);
    }

    /** How many tasks are waiting (cancelled ones included until their time). */
    public synchronized int pending() {
        return tasks.size();
    }

    private synchronized long currentNanos() {
        return nanos;
    }

    /** Runs the earliest task if it is due by {@code limit}, moving time to it; false if there was none. */
    private boolean runNextDueBy(long limit) {
        if (!inThread()) {
            throw new IllegalStateException("virtual time runs on the thread that made it, not " + Thread.currentThread());
        }
        Task next;
        synchronized (this) {
            while (true) {
                next = tasks.peek();
                if (next == null || next.dueNanos > limit) {
                    return false;
                }
                tasks.poll();
                if (!next.cancelled[0]) {
                    break;
                }
            }
            nanos = Math.max(nanos, next.dueNanos);
            ran++;
        }
        next.action.run();
        return true;
    }

    /** The wall clock: the virtual monotonic time plus the jumps. */
    private final class WallClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a virtual clock is in UTC");
        }

        @Override
        public Instant instant() {
            long now;
            synchronized (VirtualScheduler.this) {
                now = epochNanos + nanos + wallOffsetNanos;
            }
            return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
        }

        @Override
        public long millis() {
            synchronized (VirtualScheduler.this) {
                return Math.floorDiv(epochNanos + nanos + wallOffsetNanos, 1_000_000L);
            }
        }
    }
}
