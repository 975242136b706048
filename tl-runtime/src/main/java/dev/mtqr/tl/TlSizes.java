package dev.mtqr.tl;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Exact serialized sizes, so that a value can be written into a buffer of exactly the right length.
 * See <a href="https://core.telegram.org/mtproto/serialize">serialize</a>: a string or bytes value of length L
 * takes 1 length byte if L &lt;= 253, else 4 (0xFE and three bytes of L), then L bytes, then zeros up to a
 * multiple of 4.
 */
public final class TlSizes {
    /** The longest string or bytes value TL can carry: the length field has 24 bits. */
    public static final int MAX_BYTES_LENGTH = 0xFF_FFFF;

    private TlSizes() {
    }

    /** Size of a {@code bytes} value of {@code length} bytes, padding included. */
    public static int bytes(int length) {
        int header = length <= 253 ? 1 : 4;
        return (header + length + 3) & ~3;
    }

    /** Size of a {@code string} value, UTF-8 encoded, padding included. */
    public static int string(String value) {
        return bytes(utf8Length(value));
    }

    /**
     * The number of bytes {@code value} takes in UTF-8, as {@link TlWriter#writeString} writes it (an unpaired
     * surrogate becomes {@code '?'}, one byte, as {@link String#getBytes(java.nio.charset.Charset)} does).
     */
    public static int utf8Length(String value) {
        int n = value.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    length += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    length += 2;
                }
            }
        }
        return length;
    }

    /** The sum of {@code size} over {@code values}: the elements of a vector whose elements vary in size. */
    public static <T> int sum(List<T> values, ToIntFunction<? super T> size) {
        int total = 0;
        for (T value : values) {
            total += size.applyAsInt(value);
        }
        return total;
    }
}
