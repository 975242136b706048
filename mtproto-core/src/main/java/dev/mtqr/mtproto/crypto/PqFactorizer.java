package dev.mtqr.mtproto.crypto;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;

/**
 * Splits {@code resPQ.pq} into its two prime factors, the client's proof of work in the auth-key exchange
 * (core.telegram.org/mtproto/auth_key, "Proof of work"). {@code pq} is an unsigned 64-bit number; trial division
 * finds small factors, Pollard–Brent in Montgomery arithmetic the rest, and a deterministic Miller–Rabin checks
 * that both factors are prime.
 *
 * <pre>{@code
 * long[] pq = PqFactorizer.factorize(0x17ED48941A08F981L); // {0x494C553BL, 0x53911073L}
 * }</pre>
 */
public final class PqFactorizer {
    private static final int TRIAL_LIMIT = 1 << 10;
    /** Miller–Rabin with these bases is exact below 3.3 * 10^24, so for every 64-bit number. */
    private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
    private static final int BATCH = 128;
    private static final int MAX_POLYNOMIALS = 64;

    private PqFactorizer() {
    }

    /**
     * {@code {p, q}}, both prime, {@code p <= q} (unsigned), {@code p * q = pq}.
     *
     * @throws SecurityCheckException ({@code PQ}) if {@code pq} is not a product of exactly two primes
     */
    public static long[] factorize(long pq) {
        if (Long.compareUnsigned(pq, 4) < 0) {
            throw notTwoPrimes(pq, "too small");
        }
        long p = smallFactor(pq);
        if (p == 0) {
            if (isPrime(pq)) {
                throw notTwoPrimes(pq, "it is prime");
            }
            p = pollardBrent(pq);
        }
        long q = Long.divideUnsigned(pq, p);
        if (!isPrime(p) || !isPrime(q)) {
            throw notTwoPrimes(pq, "it has more than two prime factors");
        }
        return Long.compareUnsigned(p, q) <= 0 ? new long[] {p, q} : new long[] {q, p};
    }

    /** As {@link #factorize(long)}, for the big-endian TL bytes of {@code pq} (1 to 8 bytes). */
    public static long[] factorize(byte[] pqBigEndian) {
        if (pqBigEndian.length == 0 || pqBigEndian.length > 8) {
            throw new SecurityCheckException(Check.PQ, "pq has " + pqBigEndian.length + " bytes, expected 1 to 8");
        }
        long pq = 0;
        for (byte b : pqBigEndian) {
            pq = (pq << 8) | (b & 0xFF);
        }
        return factorize(pq);
    }

    /** Whether the unsigned {@code n} is prime. */
    static boolean isPrime(long n) {
        if (Long.compareUnsigned(n, 2) < 0) {
            return false;
        }
        for (long witness : WITNESSES) {
            if (n == witness) {
                return true;
            }
            if (Long.remainderUnsigned(n, witness) == 0) {
                return false;
            }
        }
        Montgomery64 mont = new Montgomery64(n);
        long minusOne = n - mont.one();
        int twos = Long.numberOfTrailingZeros(n - 1);
        long odd = (n - 1) >>> twos;
        for (long witness : WITNESSES) {
            long x = mont.pow(mont.toMontgomery(witness), odd);
            if (x == mont.one() || x == minusOne) {
                continue;
            }
            boolean reachedMinusOne = false;
            for (int i = 1; i < twos && !reachedMinusOne; i++) {
                x = mont.multiply(x, x);
                reachedMinusOne = x == minusOne;
            }
            if (!reachedMinusOne) {
                return false;
            }
        }
        return true;
    }

    /** The smallest factor of {@code n} below {@link #TRIAL_LIMIT}, or 0. */
    private static long smallFactor(long n) {
        if ((n & 1) == 0) {
            return 2;
        }
        for (long d = 3; d < TRIAL_LIMIT && Long.compareUnsigned(d * d, n) <= 0; d += 2) {
            if (Long.remainderUnsigned(n, d) == 0) {
                return d;
            }
        }
        return 0;
    }

    /** A non-trivial factor of the odd composite {@code n} (Brent's variant of Pollard's rho). */
    private static long pollardBrent(long n) {
        Montgomery64 mont = new Montgomery64(n);
        for (long c = 1; c <= MAX_POLYNOMIALS; c++) {
            long factor = pollardBrent(mont, mont.toMontgomery(c), mont.toMontgomery(2));
            if (factor != n) {
                return factor;
            }
        }
        throw notTwoPrimes(n, "Pollard-Brent found no factor");
    }

    /** One run with {@code f(y) = y^2 + c}; returns {@code n} on failure. */
    private static long pollardBrent(Montgomery64 mont, long c, long start) {
        long n = mont.modulus();
        long y = start;
        long x = start;
        long saved = start;
        long product = 1;
        long g = 1;
        for (long r = 1; g == 1; r <<= 1) {
            x = y;
            for (long i = 0; i < r; i++) {
                y = mont.add(mont.multiply(y, y), c);
            }
            for (long k = 0; k < r && g == 1; k += BATCH) {
                saved = y;
                for (long i = 0, steps = Math.min(BATCH, r - k); i < steps; i++) {
                    y = mont.add(mont.multiply(y, y), c);
                    product = mont.multiply(product, mont.subtract(x, y));
                }
                g = gcd(product, n);
            }
        }
        if (g == n) {
            // The batch overshot: redo it one step at a time.
            do {
                saved = mont.add(mont.multiply(saved, saved), c);
                g = gcd(mont.subtract(x, saved), n);
            } while (g == 1);
        }
        return g;
    }

    /** Binary GCD of unsigned longs. */
    static long gcd(long a, long b) {
        if (a == 0 || b == 0) {
            return a | b;
        }
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>>= Long.numberOfTrailingZeros(a);
        do {
            b >>>= Long.numberOfTrailingZeros(b);
            if (Long.compareUnsigned(a, b) > 0) {
                long t = a;
                a = b;
                b = t;
            }
            b -= a;
        } while (b != 0);
        return a << shift;
    }

    private static SecurityCheckException notTwoPrimes(long pq, String why) {
        return new SecurityCheckException(Check.PQ,
                "pq = " + Long.toUnsignedString(pq) + " is not a product of two primes: " + why);
    }
}
