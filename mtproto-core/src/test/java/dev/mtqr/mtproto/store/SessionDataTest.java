package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SessionDataTest {
    private static final DcSession DC1 = new DcSession(1, SessionSamples.key(1), 11, 0);
    private static final DcSession DC2 = new DcSession(2, SessionSamples.key(2), 22, 0, "10.0.0.2", 443);

    @Property
    void toStringShowsNeitherKeyBytesNorSalts(@ForAll("sessionsWithLargeSalts") SessionData data) {
        String text = data.toString();
        SessionData unsalted = data;
        for (DcSession dc : data.dcs().values()) {
            unsalted = unsalted.withDc(dc.withServerSalt(0));
        }
        String publicText = unsalted.toString();
        // A salt that happens to equal a public field (the user id, a DC id...) is no leak.
        Assume.that(data.dcs().values().stream().noneMatch(dc -> SecretText.mentionsSalt(publicText, dc.serverSalt())));

        for (DcSession dc : data.dcs().values()) {
            SecretText.assertNoKeyBytes(text, dc.authKey());
            SecretText.assertNoSalt(text, dc.serverSalt());
        }
    }

    @Provide
    Arbitrary<SessionData> sessionsWithLargeSalts() {
        Arbitrary<Long> largeSalts = Arbitraries.longs().filter(salt -> Math.abs(salt) >= 1L << 40);
        return SessionSamples.sessions().flatMap(data -> largeSalts.list().ofSize(data.dcs().size()).map(salts -> {
            SessionData salted = data;
            int i = 0;
            for (DcSession dc : data.dcs().values()) {
                salted = salted.withDc(dc.withServerSalt(salts.get(i++)));
            }
            return salted;
        }));
    }

    @Test
    void emptyHasNoMainDcNoUserAndNoDcs() {
        SessionData empty = SessionData.empty();

        assertEquals(new SessionData(0, 0, Map.of()), empty);
        assertFalse(empty.loggedIn());
        assertNull(empty.dc(1));
    }

    @Test
    void withersBuildALoggedInSession() {
        SessionData data = SessionData.empty().withDc(DC1).withDc(DC2).withMainDc(2).withUserId(777_000);

        assertEquals(new SessionData(2, 777_000, Map.of(1, DC1, 2, DC2)), data);
        assertTrue(data.loggedIn());
        assertSame(DC2, data.dc(2));
    }

    @Test
    void withDcReplacesTheSessionForTheSameDc() {
        DcSession newer = DC1.withServerSalt(99);

        assertEquals(Map.of(1, newer), SessionData.empty().withDc(DC1).withDc(newer).dcs());
    }

    @Test
    void withoutDcRemovesOnlyThatDcAndKeepsTheMainDc() {
        SessionData data = SessionData.empty().withDc(DC1).withDc(DC2).withMainDc(2);

        assertEquals(new SessionData(2, 0, Map.of(1, DC1)), data.withoutDc(2));
        assertSame(data, data.withoutDc(3));
    }

    @Test
    void dcsAreCopiedUnmodifiableAndInAscendingOrder() {
        Map<Integer, DcSession> source = new HashMap<>(Map.of(2, DC2, 1, DC1));
        SessionData data = new SessionData(0, 0, source);

        source.remove(1);

        assertEquals(List.of(1, 2), List.copyOf(data.dcs().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> data.dcs().remove(2));
    }

    @Test
    void rejectsADcMappedUnderAnotherId() {
        assertThrows(IllegalArgumentException.class, () -> new SessionData(0, 0, Map.of(3, DC1)));
    }

    @Test
    void rejectsNullSessions() {
        Map<Integer, DcSession> withNull = new HashMap<>();
        withNull.put(1, null);

        assertThrows(NullPointerException.class, () -> new SessionData(0, 0, withNull));
        assertThrows(NullPointerException.class, () -> new SessionData(0, 0, null));
        assertThrows(NullPointerException.class, () -> SessionData.empty().withDc(null));
    }

    @Test
    void rejectsNegativeMainDcAndUserId() {
        assertThrows(IllegalArgumentException.class, () -> SessionData.empty().withMainDc(-1));
        assertThrows(IllegalArgumentException.class, () -> SessionData.empty().withUserId(-5));
    }
}
