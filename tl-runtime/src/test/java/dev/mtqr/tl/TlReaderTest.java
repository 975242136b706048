package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader against the examples of {@code shared/data/tl_serialization_and_crc32.txt} §2a and §2b, and against
 * hostile input: every failure is a {@link TlDecodeException}, raised before anything of a declared size is made.
 */
class TlReaderTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Well above the few hundred bytes a failed read costs, far below what the hostile headers declare. */
    private static final long SMALL_ALLOCATION = 64 * 1024;

    static TlReader reader(String hex) {
        return TlReader.of(HEX.parseHex(hex));
    }

    static TlDecodeException decodeFails(String hex, Consumer<TlReader> read) {
        return assertThrows(TlDecodeException.class, () -> read.accept(reader(hex)));
    }

    /** Asserts that {@code read} fails on {@code hex} with a small allocation, and returns the failure. */
    static TlDecodeException failsCheaply(String hex, Consumer<TlReader> read) {
        byte[] input = HEX.parseHex(hex);
        Runnable attempt = () -> {
            try {
                read.accept(TlReader.of(input));
            } catch (TlDecodeException expected) {
                return;
            }
            throw new AssertionError("decoded " + hex + " without failing");
        };
        long allocated = AllocatedBytes.during(attempt);
        assertTrue(allocated < SMALL_ALLOCATION, "allocated " + allocated + " bytes to refuse " + hex);
        return decodeFails(hex, read);
    }

    @ParameterizedTest(name = "{1} reads as {0}")
    @CsvSource({
            "'', 00000000",
            "61, 01610000",
            "616263, 03616263",
            "61626364, 0461626364000000",
            "48656c6c6f, 0548656c6c6f0000",
            "17ed48941a08f981, 0817ed48941a08f981000000",
    })
    void readsShortBytesAndSkipsThePadding(String value, String wire) {
        TlReader in = reader(wire + "2a000000");
        assertArrayEquals(HEX.parseHex(value), in.readBytes());
        assertEquals(42, in.readInt());
        in.expectEnd();
    }

    @Test
    void readsLongBytesInBothLengthForms() {
        TlReader in = reader("fd" + "61".repeat(253) + "0000" + "fefe0000" + "61".repeat(254) + "0000"
                + "fe000100" + "00".repeat(256));
        assertArrayEquals(TlWriterTest.repeat('a', 253), in.readBytes());
        assertArrayEquals(TlWriterTest.repeat('a', 254), in.readBytes());
        assertArrayEquals(new byte[256], in.readBytes());
        in.expectEnd();
    }

    @Test
    void readsStringsAsUtf8() {
        TlReader in = reader("0548656c6c6f0000" + "fefe0000" + "61".repeat(254) + "0000" + "04f09f9880000000");
        assertEquals("Hello", in.readString());
        assertEquals("a".repeat(254), in.readString());
        assertEquals("\uD83D\uDE00", in.readString());
        in.expectEnd();
    }

    @Test
    void readsAStringFromADirectBuffer() {
        ByteBuffer direct = ByteBuffer.allocateDirect(12);
        direct.put(HEX.parseHex("0548656c6c6f00002a000000")).flip();
        TlReader in = TlReader.of(direct, TlRegistry.EMPTY);
        assertEquals("Hello", in.readString());
        assertEquals(42, in.readInt());
        assertEquals(0, direct.position(), "the source buffer's position is not moved");
    }

    @Test
    void readsARangeOfAnArray() {
        TlReader in = TlReader.of(HEX.parseHex("ffffffff2a000000ffffffff"), 4, 4, TlRegistry.EMPTY);
        assertEquals(42, in.readInt());
        assertEquals(0, in.remaining());
        assertThrows(TlDecodeException.class, in::readInt);
    }

    /** §2b: the answer to getUsers([2, 3, 4]): a Vector User with user#d23c81a3 and no_user#c67599d1. */
    @Test
    void readsTheVectorUserAnswerOfTheTlPage() {
        int[] ints = {0x1cb5c415, 0x3, 0xd23c81a3, 0x2, 0x74655005, 0x00007265, 0x72615006, 0x72656b, 0xc67599d1, 0x3,
            0xd23c81a3, 0x4, 0x686f4a04, 0x6e, 0x656f4403};
        ByteBuffer wire = ByteBuffer.allocate(ints.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : ints) {
            wire.putInt(i);
        }
        TlReader in = TlReader.of(wire.array());
        int count = in.readVectorHeader(4);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = in.readInt();
            if (id == 0xd23c81a3) {
                users.add(in.readInt() + ":" + in.readString() + " " + in.readString());
            } else {
                assertEquals(0xc67599d1, id);
                users.add(in.readInt() + ":no_user");
            }
        }
        in.expectEnd();
        assertEquals(List.of("2:Peter Parker", "3:no_user", "4:John Doe"), users);
    }

    @Test
    void readsTheGetUsersQueryOfTheTlPage() {
        TlReader in = reader("F5D5842D15C4B51C03000000020000000300000004000000");
        assertEquals(0x2d84d5f5, in.readInt());
        assertEquals(List.of(2, 3, 4), in.readIntVector());
        in.expectEnd();
    }

    @Test
    void readsBoolsByTheirConstructorIds() {
        TlReader in = reader("b5757299379779bc");
        assertTrue(in.readBool());
        assertFalse(in.readBool());
    }

    @Test
    void refusesAnUnknownBoolId() {
        TlDecodeException e = decodeFails("00000000", TlReader::readBool);
        assertTrue(e.getMessage().contains("Bool"), e.getMessage());
    }

    @Test
    void roundTripsInt128AndInt256() {
        byte[] wire = new byte[48];
        for (int i = 0; i < wire.length; i++) {
            wire[i] = (byte) (0x80 + i * 7);
        }
        TlReader in = TlReader.of(wire);
        Int128 a = in.readInt128();
        Int256 b = in.readInt256();
        assertEquals(Int128.of(wire, 0), a);
        assertArrayEquals(java.util.Arrays.copyOfRange(wire, 0, 16), a.toByteArray());
        assertArrayEquals(java.util.Arrays.copyOfRange(wire, 16, 48), b.toByteArray());
        byte[] out = new byte[48];
        TlWriter writer = TlWriter.wrap(out);
        writer.writeInt128(a);
        writer.writeInt256(b);
        assertArrayEquals(wire, out);
    }

    @Test
    void refusesTruncatedNumbers() {
        assertEquals("an int needs 4 bytes, but 3 remain", decodeFails("010203", TlReader::readInt).getMessage());
        assertTrue(decodeFails("01020304050607", TlReader::readLong).getMessage().contains("needs 8 bytes"));
        decodeFails("01020304050607", TlReader::readDouble);
        decodeFails("00".repeat(15), TlReader::readInt128);
        decodeFails("00".repeat(31), TlReader::readInt256);
        decodeFails("", TlReader::readBool);
    }

    @Test
    void refusesTruncatedBytes() {
        decodeFails("", TlReader::readBytes);
        decodeFails("056162", TlReader::readBytes);
        decodeFails("05616263646566", TlReader::readBytes);
        decodeFails("fe", TlReader::readBytes);
        decodeFails("fefe00", TlReader::readBytes);
        decodeFails("fefe0000" + "61".repeat(254), TlReader::readBytes);
        decodeFails("0548656c6c6f00", TlReader::readString);
    }

    @Test
    void refusesTheLengthByte0xff() {
        TlDecodeException e = decodeFails("ff000000" + "00".repeat(300), TlReader::readBytes);
        assertTrue(e.getMessage().contains("0xff"), e.getMessage());
        decodeFails("ff000000", TlReader::readString);
    }

    @Test
    void refusesAHugeBytesLengthBeforeAllocating() {
        failsCheaply("fefeffff00000000", TlReader::readBytes);
        failsCheaply("feffffff00000000", TlReader::readString);
    }

    @Test
    void refusesANegativeVectorCount() {
        TlDecodeException e = failsCheaply("15c4b51cffffffff", in -> in.readVector(TlReader::readInt, 4));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        failsCheaply("00000080", in -> in.readBareVector(TlReader::readInt, 4));
        failsCheaply("15c4b51c00000080", TlReader::readLongVector);
    }

    @Test
    void refusesAVectorCountLargerThanWhatRemainsBeforeAllocating() {
        failsCheaply("15c4b51cffffff7f00000000", in -> in.readVector(TlReader::readInt, 4));
        failsCheaply("15c4b51cffffff7f00000000", TlReader::readIntVector);
        failsCheaply("15c4b51cffffff7f00000000", TlReader::readLongVector);
        failsCheaply("ffffff7f00000000", in -> in.readBareVector(TlReader::readLong, 8));
        failsCheaply("15c4b51c" + "00000010" + "00".repeat(64), in -> in.readVector(TlReader::readBytes, 4));
    }

    @Test
    void checksTheCountAgainstTheElementSize() {
        decodeFails("15c4b51c0300000001000000020000000300000004000000", TlReader::readLongVector);
        decodeFails("15c4b51c03000000" + "00".repeat(11), TlReader::readIntVector);
        assertEquals(List.of(1L, 2L), reader("15c4b51c0200000001000000000000000200000000000000").readLongVector());
    }

    @Test
    void refusesAWrongVectorId() {
        TlDecodeException e = decodeFails("15c4b51d00000000", TlReader::readIntVector);
        assertTrue(e.getMessage().contains("expected vector#1cb5c415"), e.getMessage());
    }

    @Test
    void refusesTrailingBytesAtTheEnd() {
        TlReader in = reader("2a00000001");
        in.readInt();
        TlDecodeException e = assertThrows(TlDecodeException.class, in::expectEnd);
        assertTrue(e.getMessage().contains("1 bytes left over"), e.getMessage());
    }

    @Test
    void refusesAConstructorOtherThanTheExpectedOne() {
        TlDecodeException e = decodeFails("02000000", in -> in.expectConstructor(1, "leaf"));
        assertEquals("expected leaf#00000001, found #00000002", e.getMessage());
        reader("01000000").expectConstructor(1, "leaf");
    }

    /**
     * A bytes value whose length is written in the 4-byte form although it is below 254 is not canonical, but it
     * must either be refused or be read consistently: the padding after it is computed from the form actually used.
     */
    @Test
    void readsANonCanonicalLengthFormWithoutLosingAlignment() {
        TlReader in = reader("fe010000" + "61000000" + "07000000");
        try {
            assertArrayEquals(new byte[] {'a'}, in.readBytes());
        } catch (TlDecodeException refused) {
            return;
        }
        assertEquals(7, in.readInt(), "the int after the value");
        in.expectEnd();
    }

    @Test
    void readsOrRefusesAnEmptyValueInTheLongLengthFormAsADecodeError() {
        TlReader in = reader("fe000000");
        try {
            assertArrayEquals(new byte[0], in.readBytes());
        } catch (TlDecodeException refused) {
            return;
        }
        in.expectEnd();
    }

    // Depth: a registry of two fake constructors, box#00000001 (holding one Object) and leaf#00000002.

    record Box(TlObject inner) implements TlObject {
        static final int ID = 1;

        @Override
        public int constructorId() {
            return ID;
        }

        @Override
        public String tlName() {
            return "box";
        }

        @Override
        public void writeBare(TlWriter out) {
            inner.write(out);
        }

        @Override
        public int bareSize() {
            return inner.serializedSize();
        }
    }

    record Leaf() implements TlObject {
        static final int ID = 2;

        @Override
        public int constructorId() {
            return ID;
        }

        @Override
        public String tlName() {
            return "leaf";
        }

        @Override
        public void writeBare(TlWriter out) {
        }

        @Override
        public int bareSize() {
            return 0;
        }
    }

    record Ping() implements TlMethod<Leaf> {
        static final int ID = 3;

        @Override
        public int constructorId() {
            return ID;
        }

        @Override
        public String tlName() {
            return "ping";
        }

        @Override
        public void writeBare(TlWriter out) {
        }

        @Override
        public int bareSize() {
            return 0;
        }

        @Override
        public Leaf readResult(TlReader in) {
            in.expectConstructor(Leaf.ID, "leaf");
            return new Leaf();
        }
    }

    static final TlRegistry FAKES = (id, in) -> switch (id) {
        case Box.ID -> {
            try {
                yield new Box(in.readObject());
            } catch (TlDecodeException e) {
                throw e.at("box#00000001", "inner");
            }
        }
        case Leaf.ID -> new Leaf();
        case Ping.ID -> new Ping();
        default -> null;
    };

    static TlObject nested(int boxes) {
        TlObject value = new Leaf();
        for (int i = 0; i < boxes; i++) {
            value = new Box(value);
        }
        return value;
    }

    @Test
    void readsValuesNestedToTheDepthLimit() {
        TlObject value = nested(TlReader.MAX_DEPTH - 1);
        TlReader in = TlReader.of(value.toByteArray(), FAKES);
        assertEquals(value, in.readObject());
        in.expectEnd();
    }

    @Test
    void refusesValuesNestedPastTheDepthLimit() {
        TlReader in = TlReader.of(nested(TlReader.MAX_DEPTH).toByteArray(), FAKES);
        TlDecodeException e = assertThrows(TlDecodeException.class, in::readObject);
        assertTrue(e.problem().contains("deeper than " + TlReader.MAX_DEPTH), e.getMessage());
        assertTrue(e.where().startsWith("box#00000001.inner: box#00000001.inner"), e.where());
    }

    @Test
    void refusesDeepNestingOfAThousandLevelsWithoutOverflowingTheStack() {
        TlReader in = TlReader.of(nested(1000).toByteArray(), FAKES);
        assertThrows(TlDecodeException.class, in::readObject);
    }

    @Test
    void leavesEachLevelSoThatSiblingsDoNotAddUp() {
        TlObject value = nested(TlReader.MAX_DEPTH / 2);
        byte[] one = value.toByteArray();
        ByteBuffer many = ByteBuffer.allocate(one.length * 4);
        for (int i = 0; i < 4; i++) {
            many.put(one);
        }
        TlReader in = TlReader.of(many.array(), FAKES);
        for (int i = 0; i < 4; i++) {
            assertEquals(value, in.readObject());
        }
        in.expectEnd();
    }

    @Test
    void refusesAnObjectOfAnUnknownConstructor() {
        TlReader in = TlReader.of(HEX.parseHex("efbeadde"), FAKES);
        TlDecodeException e = assertThrows(TlDecodeException.class, in::readObject);
        assertEquals("unknown constructor #deadbeef for type Object", e.getMessage());
        assertThrows(TlDecodeException.class, () -> TlReader.of(HEX.parseHex("02000000")).readObject(),
                "a reader without a registry knows no Object");
    }

    @Test
    void readsAFunctionWhereAFunctionIsExpected() {
        assertInstanceOf(Ping.class, TlReader.of(HEX.parseHex("03000000"), FAKES).readMethod());
        TlDecodeException e = assertThrows(TlDecodeException.class,
                () -> TlReader.of(HEX.parseHex("02000000"), FAKES).readMethod());
        assertTrue(e.getMessage().contains("leaf at offset 0 is a constructor, not a function"), e.getMessage());
    }

    @Test
    void combinesRegistriesInOrder() {
        TlRegistry leafOnly = (id, in) -> id == Leaf.ID ? new Leaf() : null;
        TlRegistry both = TlRegistry.of(TlRegistry.EMPTY, leafOnly, FAKES);
        assertEquals(new Box(new Leaf()), TlReader.of(nested(1).toByteArray(), both).readObject());
        assertEquals(null, TlRegistry.of(leafOnly).readBare(Box.ID, TlReader.of(new byte[0])));
    }
}
