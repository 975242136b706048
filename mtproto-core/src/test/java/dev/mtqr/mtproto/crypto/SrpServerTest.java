package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The test server's side of core.telegram.org/api/srp against the client's. */
class SrpServerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] P = BigIntegers.toFixed(DhChecks.TELEGRAM_PRIME, 256);

    /** Each try runs PBKDF2 (100000 iterations) three times. */
    @Property(tries = 5)
    void acceptsTheRightPasswordAndRefusesAWrongOne(@ForAll @Size(min = 1, max = 24) byte[] password,
            @ForAll long seed) {
        Random seeded = new Random(seed);
        RandomSource random = seeded::nextBytes;
        byte[] salt1 = random.bytes(40);
        byte[] salt2 = random.bytes(16);
        byte[] verifier = SrpServer.verifier(password, salt1, salt2, 3, P);
        SrpServer.Challenge challenge = SrpServer.challenge(verifier, 3, P, random);

        SrpAnswer right = Srp.answer(password, salt1, salt2, 3, P, challenge.srpB(), random);
        assertTrue(SrpServer.check(verifier, 3, P, challenge, salt1, salt2, right.a(), right.m1()));

        byte[] tampered = right.m1();
        tampered[seeded.nextInt(tampered.length)] ^= 1;
        assertFalse(SrpServer.check(verifier, 3, P, challenge, salt1, salt2, right.a(), tampered));

        byte[] wrongPassword = Arrays.copyOf(password, password.length + 1);
        SrpAnswer wrong = Srp.answer(wrongPassword, salt1, salt2, 3, P, challenge.srpB(), random);
        assertFalse(SrpServer.check(verifier, 3, P, challenge, salt1, salt2, wrong.a(), wrong.m1()));
    }

    @Test
    void verifierIsTheNewPasswordHash() {
        byte[] salt1 = HEX.parseHex("e6c8957ddf988d48" + "00".repeat(32));
        byte[] verifier = SrpServer.verifier("newPassword".getBytes(StandardCharsets.UTF_8),
                salt1, HEX.parseHex("9f6344822b096cff87efa426f57857b6"), 3, P);
        assertEquals(SrpVectorsTest.NEW_PASSWORD_HASH, HEX.formatHex(verifier));
    }

    @Test
    void challengeIsBFromOneDrawAndBInRange() {
        byte[] verifier = BigIntegers.toFixed(BigInteger.valueOf(3).modPow(BigInteger.valueOf(12345),
                DhChecks.TELEGRAM_PRIME), 256);
        byte[] b = new byte[256];
        new Random(7).nextBytes(b);
        ReplayRandom random = new ReplayRandom(b);
        SrpServer.Challenge challenge = SrpServer.challenge(verifier, 3, P, random);
        assertEquals(List.of(256), random.requests());
        assertArrayEquals(b, challenge.b());
        assertEquals(256, challenge.srpB().length);
        assertTrue(DhChecks.inRange(new BigInteger(1, challenge.srpB()), DhChecks.TELEGRAM_PRIME));
    }

    @Test
    void refusesAOutsideTheDhRange() {
        SrpServer.Challenge challenge = new SrpServer.Challenge(new byte[256], new byte[256]);
        byte[] verifier = new byte[256];
        byte[] m1 = new byte[32];
        assertFalse(SrpServer.check(verifier, 3, P, challenge, new byte[1], new byte[1], new byte[256], m1));
        assertFalse(SrpServer.check(verifier, 3, P, challenge, new byte[1], new byte[1],
                HEX.parseHex(SrpVectorsTest.GO.expectedA()), m1));
        assertFalse(SrpServer.check(verifier, 3, P, challenge, new byte[1], new byte[1], P, m1));
    }

    @Test
    void challengeToStringHidesB() {
        byte[] b = new byte[256];
        Arrays.fill(b, (byte) 0x5a);
        assertEquals("Challenge[srpB=256 bytes, b=<hidden>]", new SrpServer.Challenge(b, new byte[256]).toString());
    }
}
