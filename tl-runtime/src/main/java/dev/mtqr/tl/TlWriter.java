package dev.mtqr.tl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes TL values, little-endian, into a byte array or a {@link ByteBuffer}. Writing into a buffer lets a
 * network layer serialize straight into its own memory (for example a Netty {@code ByteBuf}'s
 * {@code nioBuffer(index, size)}) with no intermediate copy. Size the target with {@link TlObject#serializedSize()}.
 */
public final class TlWriter {
    private final ByteBuffer buffer;

    private TlWriter(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** A writer that fills {@code bytes} from index 0. */
    public static TlWriter wrap(byte[] bytes) {
        return new TlWriter(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** A writer that fills {@code bytes[offset..offset+length)}. */
    public static TlWriter wrap(byte[] bytes, int offset, int length) {
        return new TlWriter(ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /**
     * A writer that fills {@code target} from its position to its limit; {@code target}'s own position is not
     * moved ({@link #position()} tells how much was written).
     */
    public static TlWriter wrap(ByteBuffer target) {
        return new TlWriter(target.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** How many bytes have been written. */
    public int position() {
        return buffer.position();
    }

    public void writeInt(int value) {
        buffer.putInt(value);
    }

    public void writeLong(long value) {
        buffer.putLong(value);
    }

    public void writeDouble(double value) {
        buffer.putDouble(value);
    }

    /** {@code boolTrue} or {@code boolFalse}, boxed. */
    public void writeBool(boolean value) {
        buffer.putInt(value ? TlIds.BOOL_TRUE : TlIds.BOOL_FALSE);
    }

    public void writeInt128(Int128 value) {
        buffer.putLong(value.lo());
        buffer.putLong(value.hi());
    }

    public void writeInt256(Int256 value) {
        buffer.putLong(value.w0());
        buffer.putLong(value.w1());
        buffer.putLong(value.w2());
        buffer.putLong(value.w3());
    }

    /** A boxed vector's header: the {@code vector} id, then the element count. */
    public void writeVectorHeader(int count) {
        buffer.putInt(TlIds.VECTOR);
        buffer.putInt(count);
    }

    /** A {@code bytes} value: length, data, padding. */
    public void writeBytes(byte[] value) {
        writeBytes(value, 0, value.length);
    }

    /** A {@code bytes} value made of {@code value[offset..offset+length)}. */
    public void writeBytes(byte[] value, int offset, int length) {
        writeLengthHeader(length);
        buffer.put(value, offset, length);
        pad(length);
    }

    /** A {@code string} value: UTF-8, then as {@link #writeBytes}. */
    public void writeString(String value) {
        int length = TlSizes.utf8Length(value);
        writeLengthHeader(length);
        if (length == value.length()) {
            // ASCII, or unpaired surrogates, which UTF-8 cannot carry and String.getBytes writes as '?'.
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                buffer.put(Character.isSurrogate(c) ? (byte) '?' : (byte) c);
            }
        } else {
            encodeUtf8(value);
        }
        pad(length);
    }

    /** A boxed value: its constructor id, then its fields. */
    public void writeObject(TlObject value) {
        value.write(this);
    }

    /** A boxed {@code Vector<int>}. */
    public void writeIntVector(List<Integer> values) {
        writeVectorHeader(values.size());
        for (int value : values) {
            buffer.putInt(value);
        }
    }

    /** A boxed {@code Vector<long>}. */
    public void writeLongVector(List<Long> values) {
        writeVectorHeader(values.size());
        for (long value : values) {
            buffer.putLong(value);
        }
    }

    private void writeLengthHeader(int length) {
        if (length < 0 || length > TlSizes.MAX_BYTES_LENGTH) {
            throw new IllegalArgumentException("TL bytes length " + length + " is outside 0.." + TlSizes.MAX_BYTES_LENGTH);
        }
        if (length <= 253) {
            buffer.put((byte) length);
        } else {
            buffer.putInt(0xFE | (length << 8));
        }
    }

    private void pad(int length) {
        int header = length <= 253 ? 1 : 4;
        for (int i = (header + length) & 3; i != 0 && i < 4; i++) {
            buffer.put((byte) 0);
        }
    }

    private void encodeUtf8(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buffer.put((byte) c);
            } else if (c < 0x800) {
                buffer.put((byte) (0xC0 | (c >> 6)));
                buffer.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                buffer.put((byte) (0xF0 | (cp >> 18)));
                buffer.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                buffer.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                buffer.put((byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                buffer.put((byte) '?');
            } else {
                buffer.put((byte) (0xE0 | (c >> 12)));
                buffer.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                buffer.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }
}
