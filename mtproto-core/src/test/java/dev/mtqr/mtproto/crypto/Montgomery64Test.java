package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class Montgomery64Test {
    private static final BigInteger R = BigInteger.ONE.shiftLeft(64);

    @Property(tries = 500)
    void multipliesLikeBigIntegerForAnyOddModulus(@ForAll long modulus, @ForAll long x, @ForAll long y) {
        long n = modulus | 1;
        if (n == 1) {
            return;
        }
        Montgomery64 mont = new Montgomery64(n);
        BigInteger bigN = unsigned(n);
        long a = Long.remainderUnsigned(x, n);
        long b = Long.remainderUnsigned(y, n);
        BigInteger expected = unsigned(a).multiply(unsigned(b)).multiply(R.modInverse(bigN)).mod(bigN);
        assertEquals(expected, unsigned(mont.multiply(a, b)));
        assertEquals(unsigned(a).add(unsigned(b)).mod(bigN), unsigned(mont.add(a, b)));
        assertEquals(unsigned(a).subtract(unsigned(b)).mod(bigN), unsigned(mont.subtract(a, b)));
        assertEquals(unsigned(a).multiply(R).mod(bigN), unsigned(mont.toMontgomery(a)));
    }

    @Property(tries = 200)
    void raisesToPowersLikeBigInteger(@ForAll long modulus, @ForAll long base, @ForAll long exponent) {
        long n = modulus | 1;
        if (n == 1) {
            return;
        }
        Montgomery64 mont = new Montgomery64(n);
        BigInteger bigN = unsigned(n);
        long result = mont.multiply(mont.pow(mont.toMontgomery(base), exponent), 1); // back out of Montgomery form
        assertEquals(unsigned(base).modPow(unsigned(exponent), bigN), unsigned(result));
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
