package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The phone_code_hash last sent for each phone; {@code auth.signIn} must bring it back. */
final class PhoneCodes {
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final RandomSource random;

    PhoneCodes(RandomSource random) {
        this.random = random;
    }

    /** A new random hash for {@code phone}, replacing the previous one. */
    String issue(String phone) {
        String hash = HexFormat.of().formatHex(random.bytes(9));
        hashes.put(phone, hash);
        return hash;
    }

    /** Whether {@code hash} is the one last sent for {@code phone}. */
    boolean matches(String phone, String hash) {
        return hash != null && hash.equals(hashes.get(phone));
    }

    /** The code was used: the hash is spent. */
    void spend(String phone) {
        hashes.remove(phone);
    }
}
