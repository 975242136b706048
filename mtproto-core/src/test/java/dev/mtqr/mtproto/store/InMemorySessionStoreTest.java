package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    @Test
    void holdsNothingUntilSaved() {
        assertEquals(Optional.empty(), new InMemorySessionStore().load());
    }

    @Test
    void loadGivesTheLastSavedSession() {
        InMemorySessionStore store = new InMemorySessionStore(SessionSamples.loggedIn(1));

        store.save(SessionSamples.loggedIn(2));

        assertEquals(Optional.of(SessionSamples.loggedIn(2)), store.load());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> new InMemorySessionStore().save(null));
        assertThrows(NullPointerException.class, () -> new InMemorySessionStore(null));
    }

    @Test
    void toStringShowsNothingStored() {
        InMemorySessionStore store = new InMemorySessionStore(SessionSamples.loggedIn(3));

        assertEquals("InMemorySessionStore", store.toString());
    }
}
