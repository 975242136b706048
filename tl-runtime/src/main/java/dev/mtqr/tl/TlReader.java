package dev.mtqr.tl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads TL values, little-endian, from a byte array or a {@link ByteBuffer} (a Netty {@code ByteBuf}'s
 * {@code nioBuffer()} reads with no copy). Every length and element count is checked against what remains
 * before anything is allocated, so hostile input costs no more memory than its own size; every failure is a
 * {@link TlDecodeException}.
 */
public final class TlReader {
    /** How deeply boxed values may nest before the input is refused. */
    public static final int MAX_DEPTH = 64;
    private static final int INITIAL_CAPACITY = 64;

    private final ByteBuffer buffer;
    private final TlRegistry registry;
    private int depth;

    private TlReader(ByteBuffer buffer, TlRegistry registry) {
        this.buffer = buffer;
        this.registry = registry;
    }

    /** A reader of all of {@code bytes}; fields of type {@code Object} are read with {@code registry}. */
    public static TlReader of(byte[] bytes, TlRegistry registry) {
        return new TlReader(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), registry);
    }

    /** A reader of all of {@code bytes} that knows no constructor for {@code Object} fields. */
    public static TlReader of(byte[] bytes) {
        return of(bytes, TlRegistry.EMPTY);
    }

    /** A reader of {@code bytes[offset..offset+length)}. */
    public static TlReader of(byte[] bytes, int offset, int length, TlRegistry registry) {
        return new TlReader(ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN), registry);
    }

    /** A reader of {@code source} from its position to its limit; {@code source}'s own position is not moved. */
    public static TlReader of(ByteBuffer source, TlRegistry registry) {
        return new TlReader(source.slice().order(ByteOrder.LITTLE_ENDIAN), registry);
    }

    /** How many bytes have been read. */
    public int position() {
        return buffer.position();
    }

    /** How many bytes are left. */
    public int remaining() {
        return buffer.remaining();
    }

    /** Fails unless every byte has been read. */
    public void expectEnd() {
        if (buffer.hasRemaining()) {
            throw new TlDecodeException(buffer.remaining() + " bytes left over after the value");
        }
    }

    public int readInt() {
        need(4, "an int");
        return buffer.getInt();
    }

    public long readLong() {
        need(8, "a long");
        return buffer.getLong();
    }

    public double readDouble() {
        need(8, "a double");
        return buffer.getDouble();
    }

    /** Skips {@code bytes} bytes, which must remain. */
    public void skip(int bytes) {
        if (bytes < 0) {
            throw new TlDecodeException("cannot skip " + bytes + " bytes");
        }
        need(bytes, "skipping");
        buffer.position(buffer.position() + bytes);
    }

    /** A boxed {@code Bool}: {@code boolTrue} or {@code boolFalse}. */
    public boolean readBool() {
        int id = readInt();
        if (id == TlIds.BOOL_TRUE) {
            return true;
        }
        if (id == TlIds.BOOL_FALSE) {
            return false;
        }
        throw TlDecodeException.unknownConstructor("Bool", id);
    }

    public Int128 readInt128() {
        need(Int128.BYTES, "an int128");
        return new Int128(buffer.getLong(), buffer.getLong());
    }

    public Int256 readInt256() {
        need(Int256.BYTES, "an int256");
        return new Int256(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
    }

    /** A {@code bytes} value; the length is checked against what remains before the array is made. */
    public byte[] readBytes() {
        int start = buffer.position();
        int length = readLengthHeader();
        byte[] value = new byte[length];
        buffer.get(value);
        alignFrom(start);
        return value;
    }

    /** A {@code string} value, decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String readString() {
        int start = buffer.position();
        int length = readLengthHeader();
        String value;
        if (buffer.hasArray()) {
            value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
        } else {
            byte[] raw = new byte[length];
            buffer.get(raw);
            value = new String(raw, StandardCharsets.UTF_8);
        }
        alignFrom(start);
        return value;
    }

    /** A constructor id that must be {@code expected}, for a boxed value whose type has one known constructor. */
    public void expectConstructor(int expected, String name) {
        int id = readInt();
        if (id != expected) {
            throw new TlDecodeException("expected " + name + "#" + TlIds.hex(expected) + ", found #" + TlIds.hex(id));
        }
    }

    /**
     * A boxed vector's header: the {@code vector} id and the element count, which must fit in what remains
     * at {@code minElementSize} bytes an element.
     */
    public int readVectorHeader(int minElementSize) {
        int id = readInt();
        if (id != TlIds.VECTOR) {
            throw new TlDecodeException("expected vector#1cb5c415, found #" + TlIds.hex(id));
        }
        return readCount(minElementSize);
    }

    /** A bare vector's element count, checked as in {@link #readVectorHeader}. */
    public int readCount(int minElementSize) {
        int count = readInt();
        if (count < 0) {
            throw new TlDecodeException("negative vector count " + count);
        }
        long needed = (long) count * Math.max(1, minElementSize);
        if (needed > buffer.remaining()) {
            throw new TlDecodeException("vector of " + count + " elements needs at least " + needed
                    + " bytes, but " + buffer.remaining() + " remain");
        }
        return count;
    }

    /** A boxed vector whose elements are read by {@code element}, each at least {@code minElementSize} bytes. */
    public <T> List<T> readVector(Function<TlReader, T> element, int minElementSize) {
        return readElements(readVectorHeader(minElementSize), element);
    }

    /** A bare vector (count, then elements). */
    public <T> List<T> readBareVector(Function<TlReader, T> element, int minElementSize) {
        return readElements(readCount(minElementSize), element);
    }

    /** A boxed {@code Vector<int>}. */
    public List<Integer> readIntVector() {
        int count = readVectorHeader(4);
        Integer[] values = new Integer[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getInt();
        }
        return List.of(values);
    }

    /** A boxed {@code Vector<long>}. */
    public List<Long> readLongVector() {
        int count = readVectorHeader(8);
        Long[] values = new Long[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getLong();
        }
        return List.of(values);
    }

    /** A boxed value of any constructor the registry knows ({@code Object} fields). */
    public TlObject readObject() {
        int id = readInt();
        enter();
        TlObject value = registry.readBare(id, this);
        if (value == null) {
            throw TlDecodeException.unknownConstructor("Object", id);
        }
        leave();
        return value;
    }

    /** A boxed function call ({@code !X} fields of {@code invokeWithLayer} and the like). */
    public TlMethod<?> readMethod() {
        int start = position();
        TlObject value = readObject();
        if (value instanceof TlMethod<?> method) {
            return method;
        }
        throw new TlDecodeException(value.tlName() + " at offset " + start + " is a constructor, not a function");
    }

    /** Marks the start of a nested boxed value; fails past {@link #MAX_DEPTH}. */
    public void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TlDecodeException("values nest deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** Marks the end of a nested boxed value. */
    public void leave() {
        depth--;
    }

    private <T> List<T> readElements(int count, Function<TlReader, T> element) {
        // The count only has to fit what remains, and nested vectors each declare one: sizing every level's list
        // by its count would let a small input allocate many times its size before the depth limit.
        List<T> values = new ArrayList<>(Math.min(count, INITIAL_CAPACITY));
        for (int i = 0; i < count; i++) {
            values.add(element.apply(this));
        }
        return values;
    }

    private int readLengthHeader() {
        need(1, "a length");
        int first = buffer.get() & 0xFF;
        int length;
        int header;
        if (first <= 253) {
            length = first;
            header = 1;
        } else if (first == 254) {
            need(3, "a 3-byte length");
            length = (buffer.get() & 0xFF) | (buffer.get() & 0xFF) << 8 | (buffer.get() & 0xFF) << 16;
            header = 4;
        } else {
            throw new TlDecodeException("length byte 0xff is not allowed");
        }
        int padded = ((header + length + 3) & ~3) - header;
        need(padded, "a value of " + length + " bytes with padding");
        return length;
    }

    /**
     * Skips the padding after a value that started at {@code start}. Measured from the start rather than from the
     * length, so that a length written in the 4-byte form although it is below 254 (which tdlib accepts too)
     * keeps the reader aligned; {@link #readLengthHeader} has checked that the padded value fits.
     */
    private void alignFrom(int start) {
        int read = buffer.position() - start;
        buffer.position(start + ((read + 3) & ~3));
    }

    private void need(long bytes, String what) {
        if (buffer.remaining() < bytes) {
            throw TlDecodeException.truncated(what, bytes, buffer.remaining());
        }
    }
}
