package dev.mtqr.mtproto.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 and SHA-256 over the concatenation of byte arrays, the way MTProto's formulas write them. */
public final class Digests {
    private Digests() {
    }

    /** SHA-1 of {@code parts} concatenated. */
    public static byte[] sha1(byte[]... parts) {
        MessageDigest digest = digest("SHA-1");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** SHA-256 of {@code parts} concatenated. */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = digest("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** A new digest; every JDK has SHA-1, SHA-256 and SHA-512. */
    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
