package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PqFactorizerTest {
    /**
     * pq (decimal, big-endian hex), p, q from: the official samples-auth_key; gotd crypto/pq_test.go (378221, 15);
     * grammers factorize.rs (three) and its auth flow and RSA tests; tdlib tdutils/test/pq.cpp (the last two; the
     * last product is above 2^63).
     */
    @ParameterizedTest(name = "{0} = {2} * {3}")
    @CsvSource({
            "1724114033281923457, 17ED48941A08F981, 1229739323, 1402015859",
            "378221, 000000000005C56D, 613, 617",
            "15, 000000000000000F, 3, 5",
            "1470626929934143021, 1468B766ABD90E2D, 1206429347, 1218991343",
            "2363612107535801713, 20CD3CB0587BDD71, 1518968219, 1556064227",
            "2804275833720261793, 26EACA03591BCCA1, 1555252417, 1803100129",
            "1825206431143503757, 19546F942A11278D, 1152574733, 1583590529",
            "1913576152816148123, 1A8E635F5743DE9B, 1161675377, 1647255499",
            "32193202156827203, 00725F8BFABD7243, 179424611, 179424673",
            "18442450077884059639, FFF0BEA230278FF7, 4294467311, 4294467449",
    })
    void factorsKnownProducts(String decimal, String hex, String p, String q) {
        long[] expected = {Long.parseUnsignedLong(p), Long.parseUnsignedLong(q)};
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertArrayEquals(expected, PqFactorizer.factorize(Long.parseUnsignedLong(decimal)));
        assertArrayEquals(expected, PqFactorizer.factorize(bytes));
        assertArrayEquals(expected, PqFactorizer.factorize(withoutLeadingZeros(bytes)));
    }

    /** tdlib tdutils/test/pq.cpp TEST(CryptoPQ, hands): 0, 1, 2, 3 and 5 have no factorization into two primes. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 5, 7, 97, 1_000_003})
    void refusesNumbersThatAreNotProducts(long pq) {
        assertRefused(() -> PqFactorizer.factorize(pq));
    }

    @Test
    void factorsTdlibSmallCases() {
        assertArrayEquals(new long[] {2, 2}, PqFactorizer.factorize(4));
        assertArrayEquals(new long[] {3, 7}, PqFactorizer.factorize(21));
    }

    @ParameterizedTest
    @ValueSource(longs = {8, 105, 2 * 3 * 1_000_003L, 1_000_003L * 1_000_033L * 1_000_037L, 1L << 62})
    void refusesProductsOfThreeOrMorePrimes(long pq) {
        assertRefused(() -> PqFactorizer.factorize(pq));
    }

    @Test
    void refusesLargeNumbersThatAreNotTwoPrimes() {
        assertRefused(() -> PqFactorizer.factorize(Long.parseUnsignedLong("18446744073709551557"))); // 2^64 - 59
        assertRefused(() -> PqFactorizer.factorize(-1L)); // 2^64 - 1 = 3 * 5 * 17 * 257 * 641 * 65537 * 6700417
    }

    @Test
    void factorsSquaresAndLopsidedProducts() {
        long p = 4_294_967_291L; // 2^32 - 5, the largest prime below 2^32
        assertArrayEquals(new long[] {p, p}, PqFactorizer.factorize(p * p));
        long big = 2_305_843_009_213_693_951L; // 2^61 - 1
        assertArrayEquals(new long[] {2, big}, PqFactorizer.factorize(2 * big));
        assertArrayEquals(new long[] {7, big}, PqFactorizer.factorize(7 * big));
        assertArrayEquals(new long[] {1_009, 1_000_003}, PqFactorizer.factorize(1_009L * 1_000_003L));
    }

    @Test
    void refusesByteStringsOfNoneOrMoreThanEightBytes() {
        assertRefused(() -> PqFactorizer.factorize(new byte[0]));
        assertRefused(() -> PqFactorizer.factorize(new byte[9]));
        byte[] nineBytes = new byte[9];
        nineBytes[8] = 15;
        assertRefused(() -> PqFactorizer.factorize(nineBytes));
    }

    @Property(tries = 300)
    void factorsProductsOfTwoPrimesBelow2To32(@ForAll("primes") long a, @ForAll("primes") long b) {
        long[] expected = {Math.min(a, b), Math.max(a, b)};
        assertArrayEquals(expected, PqFactorizer.factorize(a * b));
    }

    @Provide
    Arbitrary<Long> primes() {
        Arbitrary<Integer> bits = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(32)),
                Tuple.of(4, Arbitraries.just(31)),
                Tuple.of(1, Arbitraries.integers().between(2, 30)));
        return bits.flatMap(n -> Arbitraries.longs().map(seed -> BigInteger.probablePrime(n, new Random(seed))
                .longValueExact()));
    }

    @Property(tries = 300)
    void agreesWithBigIntegerOnPrimality(@ForAll long n) {
        assertEquals(BigInteger.valueOf(n).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                .isProbablePrime(64), PqFactorizer.isPrime(n));
    }

    private static byte[] withoutLeadingZeros(byte[] bytes) {
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private static void assertRefused(Executable executable) {
        assertEquals(SecurityCheckException.Check.PQ,
                assertThrows(SecurityCheckException.class, executable).check());
    }
}
