package dev.mtqr.tl;

import java.lang.management.ManagementFactory;

/**
 * Measures how many bytes the current thread allocates while running an action, through
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}: a decoder fed a few bytes that declare
 * a huge length must fail before allocating anything of that size.
 */
public final class AllocatedBytes {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    /**
     * The bytes allocated by one run of {@code action}, after a first run that loads classes and links call sites;
     * the smallest of a few runs, so that a stray allocation by the JIT or the measurement itself does not count.
     */
    public static long during(Runnable action) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread allocation");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long threadId = Thread.currentThread().getId();
        action.run();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = THREADS.getThreadAllocatedBytes(threadId);
            action.run();
            long after = THREADS.getThreadAllocatedBytes(threadId);
            least = Math.min(least, after - before);
        }
        return least;
    }
}
