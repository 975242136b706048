package dev.mtqr.tl;

/**
 * A TL {@code int256}: 32 bytes as they appear on the wire ({@code new_nonce} in the key exchange, a secret,
 * so {@link #toString()} does not show the value). {@code w0} holds bytes 0..7, {@code w1} bytes 8..15 and so on,
 * each read little-endian.
 */
public record Int256(long w0, long w1, long w2, long w3) {
    /** The size on the wire. */
    public static final int BYTES = 32;

    /** The value whose wire form is {@code bytes[offset..offset+32)}. */
    public static Int256 of(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < BYTES) {
            throw new IllegalArgumentException("int256 needs 32 bytes from offset " + offset + ", array has " + bytes.length);
        }
        return new Int256(TlBytes.getLong(bytes, offset), TlBytes.getLong(bytes, offset + 8),
                TlBytes.getLong(bytes, offset + 16), TlBytes.getLong(bytes, offset + 24));
    }

    /** The value whose wire form is exactly {@code bytes} (32 of them). */
    public static Int256 of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("int256 needs exactly 32 bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    /** The 32 bytes of the wire form. */
    public byte[] toByteArray() {
        byte[] out = new byte[BYTES];
        TlBytes.putLong(out, 0, w0);
        TlBytes.putLong(out, 8, w1);
        TlBytes.putLong(out, 16, w2);
        TlBytes.putLong(out, 24, w3);
        return out;
    }

    @Override
    public String toString() {
        return "Int256[32 bytes]";
    }
}
