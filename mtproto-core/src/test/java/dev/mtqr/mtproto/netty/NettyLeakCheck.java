package dev.mtqr.mtproto.netty;

import io.netty.buffer.ByteBuf;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Netty reports a leaked reference-counted object (a {@link ByteBuf} that was garbage-collected
 * without being released). Use it with {@code @ExtendWith(NettyLeakCheck.class)}, or for every test of a module by
 * JUnit's extension autodetection ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} names this
 * class; the module's {@code junit-platform.properties} must say
 * {@code junit.jupiter.extensions.autodetection.enabled=true}). jqwik properties use {@link NettyLeakCheckHook}.
 *
 * <p>Loading this class raises the leak detection level to {@code PARANOID} (every buffer tracked, so that the check
 * does not depend on sampling) and installs a {@link ResourceLeakDetectorFactory} whose detectors record every leak
 * they report. Netty creates the {@code ByteBuf} detector once, when its buffer classes initialise; if that happened
 * before this class was loaded (autodetection loads it before any test runs, {@code @ExtendWith} only when the first
 * such class runs), the check listens to that detector instead, so it works either way.
 *
 * <p>After each test (and each class) it forces garbage collection, makes every detector look at what was
 * collected, and fails with the leak records (where the object was created and last touched) if anything leaked
 * since the last check. Tests should release or {@code finishAndReleaseAll()} their channels before they end: a
 * buffer still reachable from the test instance is only found by a later check.
 */
public final class NettyLeakCheck implements AfterEachCallback, AfterAllCallback {
    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static final List<ResourceLeakDetector<?>> DETECTORS = new CopyOnWriteArrayList<>();
    private static final int GC_ROUNDS = 3;

    static {
        if (ResourceLeakDetector.getLevel().ordinal() < ResourceLeakDetector.Level.PARANOID.ordinal()) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        }
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        ResourceLeakDetector<?> byteBufs = byteBufDetector();
        if (!(byteBufs instanceof RecordingDetector)) {
            byteBufs.setLeakListener(NettyLeakCheck::record);
            DETECTORS.add(byteBufs);
        }
    }

    /** For JUnit's extension loading. */
    public NettyLeakCheck() {
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertNoLeaks();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertNoLeaks();
    }

    /** Throws an {@link AssertionError} listing the leaks reported since the last check, after forcing GC. */
    public static void assertNoLeaks() {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty leak(s) reported:\n" + String.join("\n", leaks));
        }
    }

    /** Forces GC, lets the detectors report what was collected unreleased, and takes the reports since the last call. */
    public static List<String> collectLeaks() {
        for (int round = 0; round < GC_ROUNDS; round++) {
            System.gc();
            try {
                Thread.sleep(2L << round); // the reference handler thread enqueues what GC cleared
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            poll();
        }
        List<String> leaks = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null; ) {
            leaks.add(leak);
        }
        return leaks;
    }

    /** Whether the detectors in use record their reports here (always true once this class is loaded). */
    static boolean installed() {
        return DETECTORS.contains(byteBufDetector());
    }

    private static void record(String resourceType, String records) {
        LEAKS.add("LEAK of " + resourceType + ":" + (records.isEmpty() ? " (no records)" : records));
    }

    /** A detector only looks at its queue of collected objects when it tracks a new one: give each one to track. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void poll() {
        for (ResourceLeakDetector detector : DETECTORS) {
            Object probe = new Object();
            ResourceLeakTracker tracker = detector.track(probe);
            if (tracker != null) {
                tracker.close(probe);
            }
        }
    }

    private static ResourceLeakDetector<?> byteBufDetector() {
        try {
            Field field = Class.forName("io.netty.buffer.AbstractByteBuf").getDeclaredField("leakDetector");
            field.setAccessible(true);
            return (ResourceLeakDetector<?>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
            return new RecordingDetector<>(resource, samplingInterval);
        }

        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    /** Netty's detector (it still logs each leak) that also records it here, even when error logging is off. */
    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<?> resource, int samplingInterval) {
            super(resource, samplingInterval);
            setLeakListener(NettyLeakCheck::record);
            DETECTORS.add(this);
        }

        @Override
        protected boolean needReport() {
            return true;
        }
    }
}
