package dev.mtqr.mtproto.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A 2048-bit MTProto authorization key with its id ({@code auth_key_id}: the low 64 bits of SHA-1 of the key,
 * bytes 12..19, little-endian) and {@code aux_hash} (bytes 0..7). See core.telegram.org/mtproto/description.
 * The key itself is a secret: {@link #toString()} shows only the id.
 */
public final class AuthKey {
    /** The size of an auth key in bytes. */
    public static final int BYTES = 256;

    private final byte[] key;
    private final long id;
    private final long auxHash;

    /** A key from its 256 bytes (copied). */
    public AuthKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("an auth key has 256 bytes, got " + key.length);
        }
        this.key = key.clone();
        byte[] sha1 = Digests.sha1(this.key);
        this.id = littleEndianLong(sha1, 12);
        this.auxHash = littleEndianLong(sha1, 0);
    }

    /** A copy of the key's bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The key's bytes without copying, for the crypto code of this package. */
    byte[] raw() {
        return key;
    }

    /** {@code auth_key_id}: SHA-1(key)[12..20] as a little-endian long, as it is written on the wire. */
    public long id() {
        return id;
    }

    /** {@code auth_key_aux_hash}: SHA-1(key)[0..8] as a little-endian long. */
    public long auxHash() {
        return auxHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AuthKey[id=" + String.format("%016x", id) + "]";
    }

    static long littleEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** Overwrites the key's bytes with zeros; the object must not be used afterwards. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
