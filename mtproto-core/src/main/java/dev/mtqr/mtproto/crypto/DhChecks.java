package dev.mtqr.mtproto.crypto;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.math.BigInteger;

/**
 * The checks a peer must make on Diffie-Hellman parameters it is given, in the key exchange
 * (core.telegram.org/mtproto/auth_key, step 6: "Client is expected to check whether p is a safe 2048-bit
 * prime...") and in 2FA (core.telegram.org/api/srp). For example
 * {@code DhChecks.checkPrimeAndGenerator(dhPrime, g); DhChecks.checkRange(gA, dhPrime, "g_a");}.
 */
public final class DhChecks {
    /** The 2048-bit safe prime Telegram's servers send as {@code dh_prime} and as the SRP {@code p}. */
    public static final BigInteger TELEGRAM_PRIME = new BigInteger(
            "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f"
                    + "48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37"
                    + "20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64"
                    + "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4"
                    + "a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754"
                    + "fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4"
                    + "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f"
                    + "0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b", 16);

    /** The size of the prime, and of every DH value, in bits. */
    public static final int PRIME_BITS = 2048;

    /** {@code 2^(2048-64)}: g_a, g_b, A and B must keep this far from 0 and from p. */
    static final BigInteger RANGE_MARGIN = BigInteger.ONE.shiftLeft(PRIME_BITS - 64);

    /** Miller-Rabin certainty; for 2048-bit numbers the JDK adds a Lucas test whatever this is. */
    private static final int CERTAINTY = 64;

    private static final VerifiedPrimes VERIFIED = new VerifiedPrimes(16);

    private DhChecks() {
    }

    /**
     * Checks that {@code p} is a 2048-bit safe prime (p and (p-1)/2 prime) and that {@code g} is in 2..7 and
     * generates the subgroup of order (p-1)/2, i.e. meets its condition on p: g = 2: p mod 8 = 7; 3: p mod 3 = 2;
     * 4: none; 5: p mod 5 in {1, 4}; 6: p mod 24 in {19, 23}; 7: p mod 7 in {3, 5, 6}.
     *
     * @throws SecurityCheckException {@link Check#DH_PRIME} or {@link Check#DH_GENERATOR}
     */
    public static void checkPrimeAndGenerator(BigInteger p, int g) {
        if (p.signum() <= 0 || p.bitLength() != PRIME_BITS) {
            throw new SecurityCheckException(Check.DH_PRIME, "p has " + p.bitLength() + " bits, not 2048");
        }
        if (!p.equals(TELEGRAM_PRIME) && !VERIFIED.contains(p)) {
            if (!isSafePrime(p)) {
                throw new SecurityCheckException(Check.DH_PRIME, "p is not a safe prime");
            }
            VERIFIED.add(p);
        }
        if (g < 2 || g > 7) {
            throw new SecurityCheckException(Check.DH_GENERATOR, "g = " + g + " is outside 2..7");
        }
        if (!generatorFits(p, g)) {
            throw new SecurityCheckException(Check.DH_GENERATOR,
                    "g = " + g + " does not generate the subgroup of order (p-1)/2 for this p");
        }
    }

    /**
     * Checks {@code 1 < value < p - 1} and {@code 2^(2048-64) < value < p - 2^(2048-64)}.
     *
     * @param name what the value is, for the message ({@code "g_a"}, {@code "g_b"}, {@code "srp_B"})
     * @throws SecurityCheckException {@link Check#DH_RANGE}
     */
    public static void checkRange(BigInteger value, BigInteger p, String name) {
        if (!inRange(value, p)) {
            throw new SecurityCheckException(Check.DH_RANGE,
                    name + " is outside (2^(2048-64), p - 2^(2048-64))");
        }
    }

    /** Whether {@link #checkRange} accepts {@code value}. */
    static boolean inRange(BigInteger value, BigInteger p) {
        return value.compareTo(BigInteger.ONE) > 0
                && value.compareTo(p.subtract(BigInteger.ONE)) < 0
                && value.compareTo(RANGE_MARGIN) > 0
                && value.compareTo(p.subtract(RANGE_MARGIN)) < 0;
    }

    /** Whether p and (p-1)/2 are both (probable) primes; slow for 2048 bits, hence the cache. */
    static boolean isSafePrime(BigInteger p) {
        return p.testBit(0)
                && p.isProbablePrime(CERTAINTY)
                && p.shiftRight(1).isProbablePrime(CERTAINTY);
    }

    /** For a safe prime p > 7: whether g in 2..7 is a quadratic residue modulo p, by its residue rule. */
    static boolean generatorFits(BigInteger p, int g) {
        return switch (g) {
            case 2 -> mod(p, 8) == 7;
            case 3 -> mod(p, 3) == 2;
            case 4 -> true;
            case 5 -> mod(p, 5) == 1 || mod(p, 5) == 4;
            case 6 -> mod(p, 24) == 19 || mod(p, 24) == 23;
            case 7 -> mod(p, 7) == 3 || mod(p, 7) == 5 || mod(p, 7) == 6;
            default -> false;
        };
    }

    private static int mod(BigInteger p, int m) {
        return p.mod(BigInteger.valueOf(m)).intValue();
    }
}
