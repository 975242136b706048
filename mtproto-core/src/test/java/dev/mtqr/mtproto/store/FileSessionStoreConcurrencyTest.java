package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int SAVES_EACH = 25;
    private static final int READERS = 2;

    @TempDir
    Path dir;

    @Test
    void concurrentSavesThroughOneStoreLeaveOneOfTheSavedSessions() throws Exception {
        FileSessionStore store = new FileSessionStore(dir.resolve("session"));

        Set<SessionData> saved = hammer(writer -> store, store);

        Optional<SessionData> last = store.load();
        assertTrue(last.isPresent() && saved.contains(last.get()), "not a saved session: " + last);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("session")), files.toList(), "temporary files left behind");
        }
    }

    @Test
    void concurrentSavesThroughSeveralStoresOnOneFileLeaveOneOfTheSavedSessions() throws Exception {
        Path file = dir.resolve("session");

        Set<SessionData> saved = hammer(writer -> new FileSessionStore(file), new FileSessionStore(file));

        Optional<SessionData> last = new FileSessionStore(file).load();
        assertTrue(last.isPresent() && saved.contains(last.get()), "not a saved session: " + last);
    }

    /**
     * Runs {@link #WRITERS} threads saving distinct sessions through {@code storeFor(writer)} while
     * {@link #READERS} threads load through {@code readStore}; every load must give nothing or a saved session.
     */
    private static Set<SessionData> hammer(IntFunction<SessionStore> storeFor,
            SessionStore readStore) throws Exception {
        Set<SessionData> saved = ConcurrentHashMap.newKeySet();
        List<SessionData> candidates = new ArrayList<>();
        for (int i = 0; i < WRITERS * SAVES_EACH; i++) {
            candidates.add(SessionSamples.loggedIn(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger loads = new AtomicInteger();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    SessionStore store = storeFor.apply(writer);
                    start.await();
                    for (int i = 0; i < SAVES_EACH; i++) {
                        SessionData data = candidates.get(writer * SAVES_EACH + i);
                        saved.add(data);
                        store.save(data);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        Optional<SessionData> seen = readStore.load();
                        if (seen.isPresent() && !saved.contains(seen.get())) {
                            throw new AssertionError("loaded a session nobody saved");
                        }
                        loads.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertEquals(WRITERS * SAVES_EACH, saved.size());
        assertTrue(loads.get() > 0, "the readers never ran");
        return saved;
    }
}
