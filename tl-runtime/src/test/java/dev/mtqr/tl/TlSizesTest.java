package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact sizes, checked against what the writer writes, and UTF-8 lengths against the JDK's encoder. */
class TlSizesTest {

    @ParameterizedTest(name = "bytes({0}) = {1}")
    @CsvSource({"0, 4", "1, 4", "3, 4", "4, 8", "5, 8", "8, 12", "252, 256", "253, 256", "254, 260", "255, 260",
        "256, 260", "257, 264", "16777215, 16777220"})
    void sizesBytesWithHeaderAndPadding(int length, int size) {
        assertEquals(size, TlSizes.bytes(length));
    }

    @Property(tries = 300)
    void sizeOfBytesIsWhatTheWriterWrites(@ForAll @IntRange(max = 1100) int length) {
        byte[] out = new byte[length + 8];
        TlWriter writer = TlWriter.wrap(out);
        writer.writeBytes(new byte[length]);
        assertEquals(writer.position(), TlSizes.bytes(length));
        assertEquals(0, TlSizes.bytes(length) % 4);
    }

    /** Strings of any UTF-16 code units: ASCII, 2- and 3-byte chars, surrogate pairs and unpaired surrogates. */
    @Provide
    Arbitrary<String> anyUtf16() {
        return Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u0080', '\u07ff')
                .withCharRange('\u0800', '\uffff').withCharRange('\ud800', '\udfff').ofMaxLength(300);
    }

    /** Mostly ASCII with some surrogates, often unpaired: the case where UTF-8 and UTF-16 lengths can agree. */
    @Provide
    Arbitrary<String> asciiAndSurrogates() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\ud800', '\udfff').ofMaxLength(20);
    }

    /** Well-formed text: any code point but surrogates, lengths across the 253/254 boundary in bytes. */
    @Provide
    Arbitrary<String> wellFormed() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 0x7f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xffff)
                        .filter(cp -> cp < 0xd800 || cp > 0xdfff)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.list().ofMaxSize(300).map(cps -> {
            StringBuilder out = new StringBuilder();
            cps.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    @Property
    void utf8LengthIsTheLengthOfTheJdkEncoding(@ForAll("anyUtf16") String value) {
        assertEquals(value.getBytes(StandardCharsets.UTF_8).length, TlSizes.utf8Length(value));
    }

    @Property
    void utf8LengthIsTheLengthOfTheJdkEncodingAroundSurrogates(@ForAll("asciiAndSurrogates") String value) {
        assertEquals(value.getBytes(StandardCharsets.UTF_8).length, TlSizes.utf8Length(value));
    }

    @Property
    void writeStringWritesTheJdkEncodingAsBytes(@ForAll("anyUtf16") String value) {
        assertStringWiredAsJdkBytes(value);
    }

    @Property
    void writeStringWritesTheJdkEncodingAroundSurrogates(@ForAll("asciiAndSurrogates") String value) {
        assertStringWiredAsJdkBytes(value);
    }

    @Property
    void writeStringRoundTripsWellFormedText(@ForAll("wellFormed") String value) {
        byte[] out = new byte[TlSizes.string(value)];
        TlWriter writer = TlWriter.wrap(out);
        writer.writeString(value);
        assertEquals(out.length, writer.position());
        TlReader in = TlReader.of(out);
        assertEquals(value, in.readString());
        in.expectEnd();
    }

    @Test
    void writesAnUnpairedSurrogateAsAQuestionMarkAsTheJdkDoes() {
        assertStringWiredAsJdkBytes("a\ud800b");
        assertStringWiredAsJdkBytes("\udc00");
        assertStringWiredAsJdkBytes("x\ud83d");
    }

    @Test
    void sizesAStringByItsUtf8Bytes() {
        assertEquals(4, TlSizes.string(""));
        assertEquals(8, TlSizes.string("\uD83D\uDE00"));
        assertEquals(260, TlSizes.string("\u00e9".repeat(127)));
        assertEquals(256, TlSizes.string("a".repeat(251) + "\u00e9"));
    }

    @Test
    void sumsElementSizes() {
        assertEquals(0, TlSizes.sum(List.<String>of(), TlSizes::string));
        assertEquals(4 + 8 + 260, TlSizes.sum(List.of("", "abcd", "a".repeat(254)), TlSizes::string));
    }

    static void assertStringWiredAsJdkBytes(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[TlSizes.bytes(utf8.length)];
        TlWriter.wrap(expected).writeBytes(utf8);
        byte[] out = new byte[TlSizes.string(value)];
        TlWriter writer = TlWriter.wrap(out);
        writer.writeString(value);
        assertEquals(out.length, writer.position(), "size of " + describe(value));
        assertArrayEquals(expected, out, () -> "wire form of " + describe(value) + ": "
                + HexFormat.of().formatHex(out) + ", expected " + HexFormat.of().formatHex(expected));
    }

    private static String describe(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }
}
