package dev.mtqr.mtproto.crypto;

import java.math.BigInteger;

/** Big-endian conversions between unsigned big integers and the byte strings MTProto sends. */
public final class BigIntegers {
    private BigIntegers() {
    }

    /** The unsigned big-endian number {@code bytes}. */
    public static BigInteger unsigned(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    /** {@code value} as exactly {@code length} big-endian bytes, left-padded with zeros. */
    public static byte[] toFixed(BigInteger value, int length) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative value");
        }
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int size = raw.length - start;
        if (size > length) {
            throw new IllegalArgumentException("value needs " + size + " bytes, more than " + length);
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, start, out, length - size, size);
        return out;
    }

    /** {@code value} as big-endian bytes with no leading zero byte (zero is one zero byte). */
    public static byte[] toMinimal(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative value");
        }
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) {
            byte[] out = new byte[raw.length - 1];
            System.arraycopy(raw, 1, out, 0, out.length);
            return out;
        }
        return raw;
    }
}
