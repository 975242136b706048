package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.AuthKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DcSessionTest {
    private static final AuthKey KEY = SessionSamples.key(42);

    @Property
    void toStringShowsNeitherKeyBytesNorSalt(@ForAll("dcSessionsWithLargeSalts") DcSession dc) {
        String text = dc.toString();
        // A salt that happens to equal a public field (the DC id, the port...) is no leak.
        Assume.that(!SecretText.mentionsSalt(dc.withServerSalt(0).toString(), dc.serverSalt()));

        SecretText.assertNoKeyBytes(text, dc.authKey());
        SecretText.assertNoSalt(text, dc.serverSalt());
        assertTrue(text.contains(String.format("%016x", dc.authKey().id())), text);
    }

    @Provide
    Arbitrary<DcSession> dcSessionsWithLargeSalts() {
        Arbitrary<Long> largeSalts = Arbitraries.longs().filter(salt -> Math.abs(salt) >= 1L << 40);
        return SessionSamples.dcSessions().flatMap(dc -> largeSalts.map(dc::withServerSalt));
    }

    @Test
    void toStringNamesTheDcTheOffsetAndTheAddress() {
        DcSession dc = new DcSession(4, KEY, 0x5eed5eed5eed5eedL, -12, "149.154.167.91", 443);

        assertEquals("DcSession[dcId=4, authKey=" + KEY + ", serverSalt=(hidden), serverTimeOffset=-12, "
                + "host=149.154.167.91, port=443]", dc.toString());
        assertEquals("DcSession[dcId=4, authKey=" + KEY + ", serverSalt=(hidden), serverTimeOffset=-12, "
                + "address unknown]", dc.withAddress(null, 0).toString());
    }

    @Test
    void addressIsOptional() {
        DcSession dc = new DcSession(2, KEY, 1, 0);

        assertNull(dc.host());
        assertEquals(0, dc.port());
        assertFalse(dc.hasAddress());
        assertTrue(dc.withAddress("::1", 4430).hasAddress());
    }

    @Test
    void withersChangeOnlyTheirComponent() {
        DcSession dc = new DcSession(2, KEY, 1, 5, "10.0.0.1", 443);

        assertEquals(new DcSession(2, KEY, 99, 5, "10.0.0.1", 443), dc.withServerSalt(99));
        assertEquals(new DcSession(2, KEY, 1, -7, "10.0.0.1", 443), dc.withServerTimeOffset(-7));
        assertEquals(new DcSession(2, KEY, 1, 5, "10.0.0.2", 80), dc.withAddress("10.0.0.2", 80));
    }

    @Test
    void rejectsDcIdsThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new DcSession(0, KEY, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DcSession(-2, KEY, 0, 0));
    }

    @Test
    void rejectsAMissingKey() {
        assertThrows(NullPointerException.class, () -> new DcSession(1, null, 0, 0));
    }

    @Test
    void rejectsAPortWithoutHostAndAHostWithoutValidPort() {
        assertThrows(IllegalArgumentException.class, () -> new DcSession(1, KEY, 0, 0, null, 443));
        assertThrows(IllegalArgumentException.class, () -> new DcSession(1, KEY, 0, 0, "10.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> new DcSession(1, KEY, 0, 0, "10.0.0.1", 65536));
        assertThrows(IllegalArgumentException.class, () -> new DcSession(1, KEY, 0, 0, "10.0.0.1", -1));
    }

    @Test
    void rejectsHostsThatAreEmptyTooLongOrNotPrintableAscii() {
        for (String host : new String[] {"", "a b", "tab\there", "dc\u00e9.example", "line\n", "x".repeat(256)}) {
            assertThrows(IllegalArgumentException.class, () -> new DcSession(1, KEY, 0, 0, host, 443), host);
        }
        assertEquals(255, new DcSession(1, KEY, 0, 0, "x".repeat(255), 443).host().length());
    }
}
