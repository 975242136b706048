package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.api.JSONValueType;
import dev.mtqr.tl.api.JsonArray;
import dev.mtqr.tl.api.JsonNull;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Bytes from the network are hostile: whatever they are, decoding gives a value or a {@link TlDecodeException},
 * never another exception or error, and costs memory in proportion to the input, not to the lengths and counts
 * it declares.
 */
class HostileInputTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Runs {@code decode}, which may fail only with a {@link TlDecodeException}. */
    static void decodesOrFailsCleanly(String what, byte[] input, Runnable decode) {
        try {
            decode.run();
        } catch (TlDecodeException expected) {
            // a clean refusal
        } catch (Throwable t) {
            throw new AssertionError(what + " on " + HEX.formatHex(input) + " threw " + t, t);
        }
    }

    /** Feeds {@code input} to the package registry (after the id) and to every boxed type's {@code read}. */
    static void feed(GeneratedPackage p, byte[] input) {
        decodesOrFailsCleanly(p + " registry", input, () -> p.decode(input));
        for (Class<?> boxed : p.boxedTypes()) {
            decodesOrFailsCleanly(boxed.getName() + ".read", input,
                    () -> GeneratedPackage.readBoxed(boxed, TlReader.of(input, p.registry())));
        }
    }

    static byte[] withId(int id, byte[] body) {
        return ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(id).put(body).array();
    }

    @Property(tries = 1000)
    void randomBytesAfterAKnownIdDecodeOrFailCleanly(@ForAll @IntRange(max = 3) int packageIndex,
            @ForAll @IntRange(max = 10_000) int recordIndex, @ForAll @Size(max = 96) byte[] body) {
        GeneratedPackage p = GeneratedPackage.ALL.get(packageIndex);
        Class<?> record = p.records().get(recordIndex % p.records().size());
        feed(p, withId(GeneratedPackage.constructorId(record), body));
    }

    @Property(tries = 300)
    void randomBytesDecodeOrFailCleanly(@ForAll @IntRange(max = 3) int packageIndex,
            @ForAll @Size(max = 64) byte[] input) {
        feed(GeneratedPackage.ALL.get(packageIndex), input);
    }

    /** Every strict prefix of a valid encoding is refused, at every length, as a decode error. */
    @Property(tries = 4)
    void everyTruncationOfAValidEncodingIsRefused(@ForAll long seed) {
        for (GeneratedPackage p : GeneratedPackage.ALL) {
            List<Class<?>> records = p.records();
            for (int i = 0; i < records.size(); i++) {
                TlObject value = p.random(records.get(i), new Random(seed + i), 2);
                byte[] bytes = value.toByteArray();
                for (int length = 0; length < bytes.length; length++) {
                    byte[] prefix = Arrays.copyOf(bytes, length);
                    String what = p + " " + records.get(i).getSimpleName() + " cut to " + length + " of " + bytes.length;
                    try {
                        p.decode(prefix);
                        throw new AssertionError(what + " decoded");
                    } catch (TlDecodeException expected) {
                        // refused
                    } catch (RuntimeException | Error e) {
                        throw new AssertionError(what + " threw " + e, e);
                    }
                }
            }
        }
    }

    /** Valid encodings with a few bytes changed: lengths, counts, flags and ids that lie. */
    @Property(tries = 30)
    void corruptedValidEncodingsDecodeOrFailCleanly(@ForAll long seed) {
        byte[] specials = {0, (byte) 0xff, (byte) 0xfe, (byte) 0xfd, 0x7f, (byte) 0x80, 1};
        for (GeneratedPackage p : GeneratedPackage.ALL) {
            List<Class<?>> records = p.records();
            for (int i = 0; i < records.size(); i++) {
                Random random = new Random(seed * 31 + i);
                byte[] bytes = p.random(records.get(i), random, 2).toByteArray();
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    int at = 4 + random.nextInt(Math.max(1, bytes.length - 4));
                    if (at < bytes.length) {
                        bytes[at] = random.nextBoolean() ? specials[random.nextInt(specials.length)] : (byte) random.nextInt();
                    }
                }
                byte[] input = bytes;
                decodesOrFailsCleanly(p + " " + records.get(i).getSimpleName(), input, () -> {
                    TlObject decoded = p.decode(input);
                    GeneratedPackage.encode(decoded);
                });
            }
        }
    }

    /**
     * After each record's id, fields that declare the largest lengths and counts there are: the decode must fail
     * before allocating anything of that size. The bound allows 64 KiB of bookkeeping and 64 bytes per input byte.
     */
    @Test
    void hugeDeclaredLengthsAndCountsCostMemoryInProportionToTheInput() {
        String[] patterns = {
            "ffffff7f", "15c4b51cffffff7f", "fefeffff", "feffffff", "00000080", "15c4b51c00000080", "ffffffff",
            "fe000000", "01000000" + "15c4b51cffffff7f", "07000000" + "fefeffff",
        };
        for (GeneratedPackage p : GeneratedPackage.ALL) {
            for (Class<?> record : p.records()) {
                for (String pattern : patterns) {
                    byte[] input = withId(GeneratedPackage.constructorId(record), HEX.parseHex(pattern.repeat(8)));
                    assertDecodesCheaply(p, record.getSimpleName() + " + " + pattern + " x 8", input);
                }
            }
        }
    }

    static void assertDecodesCheaply(GeneratedPackage p, String what, byte[] input) {
        long allocated = AllocatedBytes.during(() -> decodesOrFailsCleanly(what, input, () -> p.decode(input)));
        long bound = 64 * 1024 + 64L * input.length;
        assertTrue(allocated < bound, p + " " + what + ": allocated " + allocated + " bytes, bound " + bound);
    }

    /** jsonArray#f7444763 with a vector of one element, the header of one level of nesting. */
    private static final String JSON_ARRAY_OF_ONE = "634744f7" + "15c4b51c" + "01000000";
    private static final String JSON_NULL = "687b6d3f";

    @Test
    void aThousandNestedJsonArraysAreRefusedAtTheDepthLimit() {
        byte[] input = HEX.parseHex(JSON_ARRAY_OF_ONE.repeat(1000) + JSON_NULL);
        TlDecodeException e = assertThrows(TlDecodeException.class, () -> JSONValueType.read(TlReader.of(input)));
        assertTrue(e.problem().contains("deeper than " + TlReader.MAX_DEPTH), e.getMessage());
        assertTrue(e.getMessage().startsWith("unable to decode jsonArray#f7444763.value: jsonArray#f7444763.value"),
                e.getMessage().substring(0, 200));
        assertThrows(TlDecodeException.class, () -> GeneratedPackage.API.decode(input));
        assertThrows(TlDecodeException.class,
                () -> GeneratedPackage.MTPROTO.decode(concat(HEX.parseHex("016d5cf3" + "0100000000000000"), input)),
                "inside rpc_result's Object field");
    }

    @Test
    void jsonArraysNestedWithinTheDepthLimitDecode() {
        JSONValueType value = new JsonNull();
        for (int i = 0; i < TlReader.MAX_DEPTH - 1; i++) {
            value = new JsonArray(List.of(value));
        }
        byte[] input = HEX.parseHex(JSON_ARRAY_OF_ONE.repeat(TlReader.MAX_DEPTH - 1) + JSON_NULL);
        assertEquals(value, JSONValueType.read(TlReader.of(input)));
        byte[] tooDeep = HEX.parseHex(JSON_ARRAY_OF_ONE.repeat(TlReader.MAX_DEPTH) + JSON_NULL);
        assertThrows(TlDecodeException.class, () -> JSONValueType.read(TlReader.of(tooDeep)));
    }

    /**
     * Nested jsonArrays that each declare as many elements as the rest of the input could hold. Sizing every
     * level's list by its declared count would allocate about {@link TlReader#MAX_DEPTH} times the input (64 MiB
     * for a 1 MiB message) before the depth limit refuses it; {@link TlReader} promises memory in proportion to
     * the input, so the bound here is 8 bytes per input byte.
     */
    @Test
    void nestedVectorsDeclaringTheMostElementsThatFitCostLittleMoreThanTheInput() {
        int levels = 80;
        int size = 64 * 1024;
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < levels; i++) {
            out.putInt(JsonArray.CONSTRUCTOR_ID).putInt(TlIds.VECTOR);
            out.putInt((size - out.position() - 4) / 4);
        }
        while (out.hasRemaining()) {
            out.putInt(JsonNull.CONSTRUCTOR_ID);
        }
        byte[] input = out.array();
        long allocated = AllocatedBytes.during(() -> decodesOrFailsCleanly("nested jsonArrays", input,
                () -> GeneratedPackage.API.decode(input)));
        long bound = 64 * 1024 + 8L * input.length;
        assertTrue(allocated < bound, "allocated " + allocated + " bytes for " + input.length + " bytes of input");
    }

    /** A bytes value at the end of the input, its length 0 written in the 4-byte form: fe 00 00 00. */
    @Test
    void aLongFormLengthOfZeroAtTheEndIsDecodedOrRefusedAsADecodeError() {
        byte[] input = HEX.parseHex("e45cac95" + "fe000000");
        decodesOrFailsCleanly("auth.importLoginToken", input, () -> GeneratedPackage.API.decode(input));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
