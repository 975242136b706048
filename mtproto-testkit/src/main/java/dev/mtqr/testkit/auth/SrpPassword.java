package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.SrpServer;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import java.nio.charset.StandardCharsets;

/**
 * What the server keeps of a 2FA password (core.telegram.org/api/srp): the salts and the verifier
 * v = g^x mod p, never the password. Telegram's 2048-bit prime and g = 3, as GramJS insists on.
 */
public final class SrpPassword {
    /** The generator Telegram uses. */
    public static final int G = 3;
    /** Telegram's prime as 256 big-endian bytes. */
    static final byte[] P = BigIntegers.toFixed(DhChecks.TELEGRAM_PRIME, 256);

    private final byte[] salt1;
    private final byte[] salt2;
    private final byte[] verifier;

    private SrpPassword(byte[] salt1, byte[] salt2, byte[] verifier) {
        this.salt1 = salt1;
        this.salt2 = salt2;
        this.verifier = verifier;
    }

    /** New salts (40 and 16 bytes, as Telegram's) and the verifier of {@code password}. */
    public static SrpPassword of(String password, RandomSource random) {
        byte[] salt1 = random.bytes(40);
        byte[] salt2 = random.bytes(16);
        return new SrpPassword(salt1, salt2,
                SrpServer.verifier(password.getBytes(StandardCharsets.UTF_8), salt1, salt2, G, P));
    }

    /** The {@code current_algo} a client needs to answer. */
    public PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow algo() {
        return new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(salt1.clone(), salt2.clone(),
                G, P.clone());
    }

    /** A new challenge (b and srp_B). */
    SrpServer.Challenge challenge(RandomSource random) {
        return SrpServer.challenge(verifier, G, P, random);
    }

    /** Whether A and M1 prove the password against {@code challenge}. */
    boolean check(SrpServer.Challenge challenge, byte[] a, byte[] m1) {
        return SrpServer.check(verifier, G, P, challenge, salt1, salt2, a, m1);
    }

    @Override
    public String toString() {
        return "SrpPassword[***]";
    }
}
