package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DH primes already proven safe, so that the slow primality test runs once per prime rather than once per
 * key exchange (core.telegram.org/mtproto/auth_key, step 6, suggests caching the result of the check).
 * Thread-safe; holds at most {@code capacity} primes and forgets the least recently used one beyond that.
 */
final class VerifiedPrimes {
    private final Map<BigInteger, Boolean> primes;

    VerifiedPrimes(int capacity) {
        this.primes = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<BigInteger, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(BigInteger prime) {
        return primes.get(prime) != null;
    }

    synchronized void add(BigInteger prime) {
        primes.put(prime, Boolean.TRUE);
    }

    synchronized int size() {
        return primes.size();
    }
}
