package dev.mtqr.mtproto.store;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link SessionStore} that keeps the data in this object only; it is lost when the process ends. */
public final class InMemorySessionStore implements SessionStore {
    private final AtomicReference<SessionData> data = new AtomicReference<>();

    /** A store that holds nothing yet. */
    public InMemorySessionStore() {
    }

    /** A store that already holds {@code initial}. */
    public InMemorySessionStore(SessionData initial) {
        data.set(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public Optional<SessionData> load() {
        return Optional.ofNullable(data.get());
    }

    @Override
    public void save(SessionData newData) {
        data.set(Objects.requireNonNull(newData, "data"));
    }

    @Override
    public String toString() {
        return "InMemorySessionStore";
    }
}
