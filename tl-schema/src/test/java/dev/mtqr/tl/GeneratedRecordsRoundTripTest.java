package dev.mtqr.tl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Every generated record of the four packages: {@code decode(encode(x)).equals(x)}, {@code encode(decode(b))}
 * equals {@code b}, and the size a record reports is the size it writes. Each try covers every record once,
 * with random values derived from the try's seed.
 */
class GeneratedRecordsRoundTripTest {
    private static final int TRIES = 60;

    @Test
    void findsTheGeneratedRecordsOfEachPackage() {
        assertTrue(GeneratedPackage.API.records().size() > 100, "api: " + GeneratedPackage.API.records().size());
        assertTrue(GeneratedPackage.LAYER144.records().size() > 100, "layer144: " + GeneratedPackage.LAYER144.records().size());
        assertTrue(GeneratedPackage.LAYER198.records().size() > 100, "layer198: " + GeneratedPackage.LAYER198.records().size());
        assertTrue(GeneratedPackage.MTPROTO.records().size() > 40, "mtproto: " + GeneratedPackage.MTPROTO.records().size());
        for (GeneratedPackage p : GeneratedPackage.ALL) {
            assertTrue(p.boxedTypes().size() > 20, p + " boxed types: " + p.boxedTypes().size());
            assertTrue(p.candidates().functions().size() > 5, p + " functions: " + p.candidates().functions());
        }
    }

    @Test
    void registriesKnowEveryRecordOfTheirPackage() {
        assertEquals(GeneratedPackage.API.records().size(), dev.mtqr.tl.api.SchemaRegistry.SIZE);
        assertEquals(GeneratedPackage.MTPROTO.records().size(), dev.mtqr.tl.mtproto.SchemaRegistry.SIZE);
        assertEquals(GeneratedPackage.LAYER144.records().size(), dev.mtqr.tl.compat.layer144.SchemaRegistry.SIZE);
        assertEquals(GeneratedPackage.LAYER198.records().size(), dev.mtqr.tl.compat.layer198.SchemaRegistry.SIZE);
    }

    @Test
    void constructorIdsAreUniqueWithinEachPackage() {
        for (GeneratedPackage p : GeneratedPackage.ALL) {
            Map<Integer, Class<?>> byId = new HashMap<>();
            for (Class<?> record : p.records()) {
                Class<?> other = byId.put(GeneratedPackage.constructorId(record), record);
                assertEquals(null, other, p + ": " + record.getSimpleName() + " has the id of " + other);
            }
        }
    }

    @Property(tries = TRIES)
    void everyApiRecordRoundTrips(@ForAll long seed) {
        roundTripEveryRecord(GeneratedPackage.API, seed);
    }

    @Property(tries = TRIES)
    void everyMtprotoRecordRoundTrips(@ForAll long seed) {
        roundTripEveryRecord(GeneratedPackage.MTPROTO, seed);
    }

    @Property(tries = TRIES)
    void everyLayer144RecordRoundTrips(@ForAll long seed) {
        roundTripEveryRecord(GeneratedPackage.LAYER144, seed);
    }

    @Property(tries = TRIES)
    void everyLayer198RecordRoundTrips(@ForAll long seed) {
        roundTripEveryRecord(GeneratedPackage.LAYER198, seed);
    }

    static void roundTripEveryRecord(GeneratedPackage p, long seed) {
        List<Class<?>> records = p.records();
        for (int i = 0; i < records.size(); i++) {
            Class<?> record = records.get(i);
            Random random = new Random(seed * 1_000_003L + i);
            TlObject value = p.random(record, random, RandomTlValues.DEFAULT_MAX_DEPTH);
            try {
                assertRoundTrips(p, record, value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(p + "." + record.getSimpleName() + " (seed " + seed + ", record " + i + "): "
                        + e.getMessage() + "\n  value: " + value, e);
            }
        }
    }

    static void assertRoundTrips(GeneratedPackage p, Class<?> record, TlObject value) {
        assertEquals(GeneratedPackage.constructorId(record), value.constructorId(), "constructorId()");
        byte[] bytes = GeneratedPackage.encode(value);
        assertEquals(bytes.length, value.serializedSize(), "serializedSize() against what write() wrote");
        assertEquals(bytes.length - 4, value.bareSize(), "bareSize()");
        assertArrayEquals(bytes, value.toByteArray(), "toByteArray()");

        TlObject decoded = p.decode(bytes);
        assertEquals(value, decoded, () -> "decode(encode(x)) of " + HexFormat.of().formatHex(bytes));
        assertEquals(value.hashCode(), decoded.hashCode(), "hashCode of the decoded value");
        assertArrayEquals(bytes, GeneratedPackage.encode(decoded), "encode(decode(b))");

        for (Class<?> boxed : GeneratedPackage.boxedTypesOf(record)) {
            TlReader in = TlReader.of(bytes, p.registry());
            assertEquals(value, GeneratedPackage.readBoxed(boxed, in), boxed.getSimpleName() + ".read");
            in.expectEnd();
        }
        TlReader in = TlReader.of(bytes, p.registry());
        assertEquals(value, in.readObject(), "readObject()");
        in.expectEnd();
    }
}
