package dev.mtqr.mtproto.store;

import java.util.Optional;

/**
 * Where a client keeps its {@link SessionData} between runs. {@link FileSessionStore} is the default;
 * {@link InMemorySessionStore} is for tests and throw-away clients.
 *
 * <p>Implementations are thread-safe: {@code save} may be called from any thread while others load, and a
 * {@code load} returns either nothing or one complete value that was saved, never a mixture.
 *
 * <p>Auth keys and server salts are secrets. Implementations never write them to logs, exception messages or
 * {@code toString()}; what they log names the store (a path), not what it holds.
 */
public interface SessionStore {
    /**
     * The last saved data, or empty if nothing was ever saved.
     *
     * @throws SessionStoreException if the stored data cannot be read or is damaged
     */
    Optional<SessionData> load();

    /**
     * Replaces the stored data with {@code data}.
     *
     * @throws SessionStoreException if it cannot be stored; what was stored before is then unchanged
     */
    void save(SessionData data);
}
