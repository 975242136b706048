package dev.mtqr.tl;

import java.util.HexFormat;

/**
 * A TL {@code int128}: 16 bytes as they appear on the wire (nonces in the key exchange).
 * {@code lo} holds bytes 0..7 and {@code hi} bytes 8..15, each read little-endian.
 */
public record Int128(long lo, long hi) {
    /** The size on the wire. */
    public static final int BYTES = 16;

    /** The value whose wire form is {@code bytes[offset..offset+16)}. */
    public static Int128 of(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < BYTES) {
            throw new IllegalArgumentException("int128 needs 16 bytes from offset " + offset + ", array has " + bytes.length);
        }
        return new Int128(TlBytes.getLong(bytes, offset), TlBytes.getLong(bytes, offset + 8));
    }

    /** The value whose wire form is exactly {@code bytes} (16 of them). */
    public static Int128 of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("int128 needs exactly 16 bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    /** The 16 bytes of the wire form. */
    public byte[] toByteArray() {
        byte[] out = new byte[BYTES];
        TlBytes.putLong(out, 0, lo);
        TlBytes.putLong(out, 8, hi);
        return out;
    }

    @Override
    public String toString() {
        return "Int128[" + HexFormat.of().formatHex(toByteArray()) + "]";
    }
}
