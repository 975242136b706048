package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** core.telegram.org/mtproto/auth_key, step 6; core.telegram.org/api/srp. */
class DhChecksTest {
    /** dh_prime of the grammers auth-key flow, and p of every real SRP vector. */
    static final BigInteger DH_PRIME = new BigInteger("c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f"
            + "48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37"
            + "20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64"
            + "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4"
            + "a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754"
            + "fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4"
            + "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f"
            + "0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b", 16);

    private static final BigInteger P = DhChecks.TELEGRAM_PRIME;
    private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(2048 - 64);

    private static Check primeCheckFailure(BigInteger p, int g) {
        return assertThrows(SecurityCheckException.class, () -> DhChecks.checkPrimeAndGenerator(p, g)).check();
    }

    @Test
    void telegramPrimeIsTheVectorsDhPrime() {
        assertEquals(DH_PRIME, P);
    }

    @Test
    void telegramPrimeIsASafe2048BitPrime() {
        assertEquals(2048, P.bitLength());
        assertTrue(DhChecks.isSafePrime(P));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 7})
    void acceptsTelegramPrimeWithGeneratorsMeetingTheirRule(int g) {
        assertDoesNotThrow(() -> DhChecks.checkPrimeAndGenerator(P, g));
    }

    /** p mod 8 = 3 (g = 2 needs 7), p mod 5 = 3 (g = 5 needs 1 or 4), p mod 24 = 11 (g = 6 needs 19 or 23). */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 6})
    void rejectsGeneratorsFailingTheirRuleForTelegramPrime(int g) {
        assertEquals(Check.DH_GENERATOR, primeCheckFailure(P, g));
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -3, 0, 1, 8, 9, 256})
    void rejectsGeneratorsOutside2To7(int g) {
        assertEquals(Check.DH_GENERATOR, primeCheckFailure(P, g));
    }

    @Test
    void residueRulesAreEulersCriterionForSmallSafePrimes() {
        int checked = 0;
        for (int q = 3; q < 20_000; q += 2) {
            BigInteger p = BigInteger.valueOf(2L * q + 1);
            if (p.intValue() <= 7 || !DhChecks.isSafePrime(p)) {
                continue;
            }
            BigInteger halfOrder = p.shiftRight(1);
            for (int g = 2; g <= 7; g++) {
                boolean quadraticResidue = BigInteger.valueOf(g).modPow(halfOrder, p).equals(BigInteger.ONE);
                assertEquals(quadraticResidue, DhChecks.generatorFits(p, g), "p = " + p + ", g = " + g);
            }
            checked++;
        }
        assertTrue(checked > 100, "only " + checked + " safe primes");
    }

    @Test
    void rejectsA2048BitPrimeThatIsNotSafe() {
        BigInteger prime = BigInteger.probablePrime(2048, new Random(2048));
        assertFalse(prime.shiftRight(1).isProbablePrime(64), "the seed happened to give a safe prime");
        assertEquals(Check.DH_PRIME, primeCheckFailure(prime, 3));
    }

    @Test
    void rejectsPMinus2WhichIsNotPrime() {
        assertEquals(Check.DH_PRIME, primeCheckFailure(P.subtract(BigInteger.TWO), 3));
    }

    @Test
    void rejectsNumbersThatAreNot2048BitsLong() {
        assertEquals(Check.DH_PRIME, primeCheckFailure(P.shiftRight(1), 3));
        assertEquals(Check.DH_PRIME, primeCheckFailure(P.shiftLeft(1).add(BigInteger.ONE), 3));
        assertEquals(Check.DH_PRIME, primeCheckFailure(BigInteger.valueOf(47), 3));
        assertEquals(Check.DH_PRIME, primeCheckFailure(BigInteger.ZERO, 3));
        assertEquals(Check.DH_PRIME, primeCheckFailure(P.negate(), 3));
    }

    @Test
    void primeIsCheckedBeforeGenerator() {
        assertEquals(Check.DH_PRIME, primeCheckFailure(P.subtract(BigInteger.TWO), 1));
    }

    @Test
    void rangeExcludesItsBoundaries() {
        assertOutOfRange(MARGIN);
        assertDoesNotThrow(() -> DhChecks.checkRange(MARGIN.add(BigInteger.ONE), P, "g_a"));
        assertOutOfRange(P.subtract(MARGIN));
        assertDoesNotThrow(() -> DhChecks.checkRange(P.subtract(MARGIN).subtract(BigInteger.ONE), P, "g_a"));
    }

    @Test
    void rangeExcludesTrivialValues() {
        assertOutOfRange(BigInteger.ONE.negate());
        assertOutOfRange(BigInteger.ZERO);
        assertOutOfRange(BigInteger.ONE);
        assertOutOfRange(BigInteger.TWO);
        assertOutOfRange(P.subtract(BigInteger.ONE));
        assertOutOfRange(P);
        assertOutOfRange(P.add(MARGIN));
    }

    private static void assertOutOfRange(BigInteger value) {
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> DhChecks.checkRange(value, P, "g_a"));
        assertEquals(Check.DH_RANGE, e.check());
        assertTrue(e.getMessage().contains("g_a"), e.getMessage());
    }
}
