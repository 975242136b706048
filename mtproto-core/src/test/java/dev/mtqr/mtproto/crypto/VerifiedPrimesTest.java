package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerifiedPrimesTest {
    private static final BigInteger A = BigInteger.valueOf(23);
    private static final BigInteger B = BigInteger.valueOf(47);
    private static final BigInteger C = BigInteger.valueOf(59);

    @Test
    void remembersWhatWasAdded() {
        VerifiedPrimes primes = new VerifiedPrimes(4);
        primes.add(A);
        assertTrue(primes.contains(A));
        assertFalse(primes.contains(B));
    }

    @Test
    void forgetsTheLeastRecentlyUsedPrimeBeyondCapacity() {
        VerifiedPrimes primes = new VerifiedPrimes(2);
        primes.add(A);
        primes.add(B);
        assertTrue(primes.contains(A));
        primes.add(C);
        assertTrue(primes.contains(A));
        assertFalse(primes.contains(B));
        assertTrue(primes.contains(C));
        assertEquals(2, primes.size());
    }

    @Test
    void staysWithinCapacityUnderConcurrentAdds() throws InterruptedException {
        VerifiedPrimes primes = new VerifiedPrimes(8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int offset = t * 1000;
            pool.execute(() -> {
                for (int i = 0; i < 1000; i++) {
                    BigInteger value = BigInteger.valueOf(offset + i);
                    primes.add(value);
                    primes.contains(value);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(8, primes.size());
    }
}
