package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.Digests;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The framing of the key exchange's AES-IGE payloads (core.telegram.org/mtproto/auth_key, steps 5 and 6):
 * {@code SHA1(data) ‖ data ‖ 0..15 padding bytes}, a multiple of 16 bytes in all.
 */
final class AnswerWithHash {
    private static final int HASH = 20;

    private AnswerWithHash() {
    }

    /** {@code SHA1(value) ‖ value ‖ random padding}; the padding comes from one call to {@code random}. */
    static byte[] wrap(TlObject value, RandomSource random) {
        byte[] data = value.toByteArray();
        int padding = (16 - (HASH + data.length) % 16) % 16;
        byte[] out = new byte[HASH + data.length + padding];
        System.arraycopy(Digests.sha1(data), 0, out, 0, HASH);
        System.arraycopy(data, 0, out, HASH, data.length);
        if (padding > 0) {
            System.arraycopy(random.bytes(padding), 0, out, HASH + data.length, padding);
        }
        return out;
    }

    /**
     * Reads the value after the hash and checks the hash over exactly the bytes the value took, and that at most
     * 15 padding bytes follow; anything else is {@code failure}.
     */
    static <T> T unwrap(byte[] decrypted, Function<TlReader, T> read, Check failure, String what) {
        if (decrypted.length < HASH + 4) {
            throw new SecurityCheckException(failure, what + ": " + decrypted.length + " bytes is too short");
        }
        TlReader in = TlReader.of(decrypted, HASH, decrypted.length - HASH, TlRegistry.EMPTY);
        T value;
        try {
            value = read.apply(in);
        } catch (TlDecodeException e) {
            throw new SecurityCheckException(failure, what + " does not decode: " + e.getMessage(), e);
        }
        int length = in.position();
        if (decrypted.length - HASH - length >= 16) {
            throw new SecurityCheckException(failure, what + " is followed by " + (decrypted.length - HASH - length)
                    + " bytes; padding is at most 15");
        }
        byte[] hash = Digests.sha1(Arrays.copyOfRange(decrypted, HASH, HASH + length));
        if (!MessageDigest.isEqual(hash, Arrays.copyOf(decrypted, HASH))) {
            throw new SecurityCheckException(failure, "the SHA-1 in front of " + what + " does not match it");
        }
        return value;
    }
}
