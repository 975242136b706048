package dev.mtqr.mtproto.crypto;

/**
 * Arithmetic modulo an odd unsigned 64-bit {@code n} in Montgomery form ({@code R = 2^64}), for
 * {@link PqFactorizer}. All values are unsigned longs below {@code n}.
 */
final class Montgomery64 {
    private final long n;
    /** {@code n^-1 mod 2^64}. */
    private final long inverse;
    /** {@code R mod n}, the Montgomery form of 1. */
    private final long one;
    /** {@code R^2 mod n}, to convert into Montgomery form. */
    private final long rSquared;

    Montgomery64(long n) {
        if ((n & 1) == 0 || n == 1) {
            throw new IllegalArgumentException("Montgomery arithmetic needs an odd modulus > 1");
        }
        this.n = n;
        long inverse = n; // correct to 3 bits; each Newton step doubles that
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - n * inverse;
        }
        this.inverse = inverse;
        this.one = Long.remainderUnsigned(-n, n);
        long r2 = one;
        for (int i = 0; i < 64; i++) {
            r2 = add(r2, r2);
        }
        this.rSquared = r2;
    }

    long modulus() {
        return n;
    }

    /** The Montgomery form of 1. */
    long one() {
        return one;
    }

    /** The Montgomery form of {@code a} (any unsigned value). */
    long toMontgomery(long a) {
        return multiply(Long.remainderUnsigned(a, n), rSquared);
    }

    /** {@code a + b mod n}. */
    long add(long a, long b) {
        long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(sum, n) >= 0) {
            sum -= n;
        }
        return sum;
    }

    /** {@code a * b / R mod n}: REDC of the 128-bit product, in its subtracting form. */
    long multiply(long a, long b) {
        long low = a * b;
        long high = multiplyHighUnsigned(a, b);
        // m * n has the same low 64 bits as a * b, so (a * b - m * n) / R = high - high64(m * n), in (-n, n).
        long mnHigh = multiplyHighUnsigned(low * inverse, n);
        long result = high - mnHigh;
        return Long.compareUnsigned(high, mnHigh) < 0 ? result + n : result;
    }

    /** {@code a - b mod n}. */
    long subtract(long a, long b) {
        long difference = a - b;
        return Long.compareUnsigned(a, b) < 0 ? difference + n : difference;
    }

    /** {@code base^exponent} in Montgomery form, {@code exponent} unsigned. */
    long pow(long base, long exponent) {
        long result = one;
        while (exponent != 0) {
            if ((exponent & 1) != 0) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
            exponent >>>= 1;
        }
        return result;
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18+). */
    static long multiplyHighUnsigned(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
