package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The writer against the byte examples of {@code shared/data/tl_serialization_and_crc32.txt} §2, §2a and §2b
 * (core.telegram.org/mtproto/serialize and /mtproto/TL).
 */
class TlWriterTest {
    private static final HexFormat HEX = HexFormat.of();

    static String written(int size, java.util.function.Consumer<TlWriter> write) {
        byte[] out = new byte[size];
        TlWriter writer = TlWriter.wrap(out);
        write.accept(writer);
        assertEquals(size, writer.position(), "bytes written");
        return HEX.formatHex(out);
    }

    static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @ParameterizedTest(name = "TLbytes({0}) = {1}")
    @CsvSource({
            "'', 00000000",
            "61, 01610000",
            "616263, 03616263",
            "61626364, 0461626364000000",
            "48656c6c6f, 0548656c6c6f0000",
            "17ed48941a08f981, 0817ed48941a08f981000000",
            "494c553b, 04494c553b000000",
    })
    void writesShortBytesWithOneLengthByteAndPadding(String value, String expected) {
        byte[] bytes = HEX.parseHex(value);
        assertEquals(expected, written(TlSizes.bytes(bytes.length), w -> w.writeBytes(bytes)));
    }

    @Test
    void writes253BytesWithOneLengthByte() {
        String expected = "fd" + "61".repeat(253) + "0000";
        assertEquals(expected, written(256, w -> w.writeBytes(repeat('a', 253))));
    }

    @Test
    void writes254BytesWithTheFourByteLengthForm() {
        String expected = "fefe0000" + "61".repeat(254) + "0000";
        assertEquals(expected, written(260, w -> w.writeBytes(repeat('a', 254))));
    }

    @Test
    void writes256ZeroBytesWithNoPadding() {
        String expected = "fe000100" + "00".repeat(256);
        assertEquals(expected, written(260, w -> w.writeBytes(new byte[256])));
    }

    @Test
    void writesAStringOf253AsciiCharsLikeTheSameBytes() {
        assertEquals("fd" + "61".repeat(253) + "0000", written(256, w -> w.writeString("a".repeat(253))));
        assertEquals("fefe0000" + "61".repeat(254) + "0000", written(260, w -> w.writeString("a".repeat(254))));
    }

    @Test
    void writesASliceOfAnArrayAsBytes() {
        byte[] source = HEX.parseHex("ff616263ff");
        assertEquals("03616263", written(4, w -> w.writeBytes(source, 1, 3)));
    }

    @Test
    void refusesALengthTheThreeByteFieldCannotHold() {
        byte[] out = new byte[16];
        TlWriter writer = TlWriter.wrap(out);
        assertThrows(IllegalArgumentException.class, () -> writer.writeBytes(new byte[4], 0, TlSizes.MAX_BYTES_LENGTH + 1));
        assertEquals(0, writer.position());
    }

    /** §2b: getUsers([2, 3, 4]) with getUsers#2d84d5f5 (Vector int) = Vector User. */
    @Test
    void writesTheGetUsersExampleOfTheTlPage() {
        String expected = "F5D5842D15C4B51C03000000020000000300000004000000".toLowerCase();
        assertEquals(expected, written(24, w -> {
            w.writeInt(0x2d84d5f5);
            w.writeIntVector(List.of(2, 3, 4));
        }));
    }

    @Test
    void writesALongVectorWithTheVectorIdAndCount() {
        assertEquals("15c4b51c020000000100000000000000feffffffffffffff",
                written(24, w -> w.writeLongVector(List.of(1L, -2L))));
    }

    @Test
    void writesBoolsAsTheirConstructorIds() {
        assertEquals("b5757299", written(4, w -> w.writeBool(true)));
        assertEquals("379779bc", written(4, w -> w.writeBool(false)));
    }

    @Test
    void writesNumbersLittleEndian() {
        assertEquals("78563412", written(4, w -> w.writeInt(0x12345678)));
        assertEquals("0807060504030201", written(8, w -> w.writeLong(0x0102030405060708L)));
        assertEquals("000000000000f03f", written(8, w -> w.writeDouble(1.0)));
    }

    @Test
    void writesInt128AndInt256AsTheirWireBytes() {
        byte[] wire128 = new byte[16];
        byte[] wire256 = new byte[32];
        for (int i = 0; i < wire256.length; i++) {
            wire256[i] = (byte) (i + 1);
            if (i < 16) {
                wire128[i] = (byte) (0xf0 + i);
            }
        }
        assertEquals(HEX.formatHex(wire128), written(16, w -> w.writeInt128(Int128.of(wire128))));
        assertEquals(HEX.formatHex(wire256), written(32, w -> w.writeInt256(Int256.of(wire256))));
    }

    @Test
    void writesIntoABufferFromItsPositionWithoutMovingIt() {
        ByteBuffer target = ByteBuffer.allocate(12);
        target.position(4);
        TlWriter writer = TlWriter.wrap(target);
        writer.writeInt(1);
        assertEquals(4, writer.position());
        assertEquals(4, target.position());
        assertArrayEquals(HEX.parseHex("000000000100000000000000"), target.array());
    }

    @Test
    void writesIntoARangeOfAnArray() {
        byte[] out = new byte[12];
        TlWriter writer = TlWriter.wrap(out, 4, 4);
        writer.writeInt(-1);
        assertEquals("00000000ffffffff00000000", HEX.formatHex(out));
        assertThrows(RuntimeException.class, () -> writer.writeInt(1), "the range ends after 4 bytes");
    }
}
