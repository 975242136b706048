package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.store.SessionData;
import dev.mtqr.mtproto.store.SessionStore;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a client's session data to its store off the I/O threads, without a thread of its own: saves run on the
 * callback executor, the latest data wins (saves asked for meanwhile are folded into one), and a save never
 * overwrites a newer one, so that a key made on one DC cannot be lost to a slower write of older data.
 */
final class SessionPersister {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPersister.class);

    private final SessionStore store;
    private final Executor executor;
    private final Object queue = new Object();
    private final Object writing = new Object();
    private long version;
    private SessionData pending;
    private long pendingVersion;
    private boolean scheduled;
    private long savedVersion;

    SessionPersister(SessionStore store, Executor executor) {
        this.store = store;
        this.executor = executor;
    }

    /** Saves {@code data} soon. */
    void save(SessionData data) {
        synchronized (queue) {
            pending = data;
            pendingVersion = ++version;
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        executor.execute(this::drain);
    }

    /** Saves {@code data} now, on the calling thread, superseding every save asked for before. */
    void saveNow(SessionData data) {
        long v;
        synchronized (queue) {
            v = ++version;
            pending = null;
        }
        write(data, v);
    }

    private void drain() {
        while (true) {
            SessionData data;
            long v;
            synchronized (queue) {
                if (pending == null) {
                    scheduled = false;
                    return;
                }
                data = pending;
                v = pendingVersion;
                pending = null;
            }
            write(data, v);
        }
    }

    private void write(SessionData data, long v) {
        synchronized (writing) {
            if (v <= savedVersion) {
                return;
            }
            try {
                store.save(data);
            } catch (RuntimeException e) {
                LOG.warn("could not save the session: {}", e.getMessage());
            }
            savedVersion = v;
        }
    }
}
