package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DhKeyPairTest {
    private static final BigInteger P = DhChecks.TELEGRAM_PRIME;

    private static byte[] randomBytes(long seed) {
        byte[] out = new byte[256];
        new Random(seed).nextBytes(out);
        return out;
    }

    @Test
    void secretIsOne256ByteDrawReadBigEndian() {
        byte[] drawn = randomBytes(1);
        ReplayRandom random = new ReplayRandom(drawn);
        DhKeyPair pair = DhKeyPair.generate(P, 3, random);
        assertEquals(List.of(256), random.requests());
        assertEquals(new BigInteger(1, drawn), pair.secret());
        assertEquals(BigInteger.valueOf(3).modPow(pair.secret(), P), pair.publicValue());
        assertEquals(256, pair.publicBytes().length);
    }

    @Test
    void drawsAgainWhenThePublicValueIsOutOfRange() {
        byte[] zeros = new byte[256];
        byte[] second = randomBytes(2);
        ReplayRandom random = new ReplayRandom(zeros, second);
        DhKeyPair pair = DhKeyPair.generate(P, 3, random);
        assertEquals(List.of(256, 256), random.requests());
        assertEquals(new BigInteger(1, second), pair.secret());
    }

    @Test
    void givesUpOnARandomSourceThatOnlyGivesZeros() {
        assertThrows(IllegalStateException.class, () -> DhKeyPair.generate(P, 3, out -> { }));
    }

    @Test
    void sharedSecretRejectsAPeerValueOutOfRangeNamingIt() {
        DhKeyPair pair = DhKeyPair.generate(P, 3, new ReplayRandom(randomBytes(3)));
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> pair.sharedSecret(BigInteger.ONE, P, "g_b"));
        assertEquals(Check.DH_RANGE, e.check());
        assertTrue(e.getMessage().contains("g_b"));
    }

    @Test
    void sharedSecretIsAlways256Bytes() {
        DhKeyPair a = DhKeyPair.generate(P, 3, new ReplayRandom(randomBytes(4)));
        DhKeyPair b = DhKeyPair.generate(P, 3, new ReplayRandom(randomBytes(5)));
        byte[] shared = a.sharedSecret(b.publicValue(), P, "g_b");
        assertEquals(256, shared.length);
        assertArrayEquals(shared, b.sharedSecret(a.publicValue(), P, "g_a"));
    }

    @Test
    void toStringHidesTheSecret() {
        DhKeyPair pair = DhKeyPair.generate(P, 3, new ReplayRandom(randomBytes(6)));
        assertFalse(pair.toString().contains(pair.secret().toString(16)));
        assertFalse(pair.toString().contains(pair.secret().toString()));
    }
}
