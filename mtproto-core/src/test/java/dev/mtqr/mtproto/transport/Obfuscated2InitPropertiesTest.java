package dev.mtqr.mtproto.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mtqr.mtproto.netty.NettyLeakCheckHook;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Obfuscation2 inits for arbitrary randomness, transports and DC ids. */
@AddLifecycleHook(NettyLeakCheckHook.class)
class Obfuscated2InitPropertiesTest {
    private static final List<byte[]> FORBIDDEN_PREFIXES = List.of(
            TestBuffers.hex("ef"), "HEAD".getBytes(), "POST".getBytes(), "GET ".getBytes(), "OPTI".getBytes(),
            TestBuffers.hex("16030102"), TestBuffers.hex("dddddddd"), TestBuffers.hex("eeeeeeee"));

    @Property(tries = 500)
    void headerNeverStartsLikeAnotherProtocol(@ForAll long seed, @ForAll("tagged") TransportKind kind,
            @ForAll short dcId) {
        byte[] header = Obfuscated2Init.forClient(kind, dcId, FixedRandom.seeded(seed)).header();
        assertEquals(Obfuscated2Init.LENGTH, header.length);
        assertNotEquals((byte) 0xef, header[0]);
        int first = intLE(header, 0);
        for (int forbidden : new int[] {0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316, 0xdddddddd,
                0xeeeeeeee}) {
            assertNotEquals(forbidden, first);
        }
        assertNotEquals(0, intLE(header, 4));
        assertFalse(Obfuscated2Init.isForbiddenStart(header));
    }

    @Property(tries = 500)
    void serverDecryptsTagAndDcId(@ForAll long seed, @ForAll("tagged") TransportKind kind, @ForAll short dcId) {
        Obfuscated2Init client = Obfuscated2Init.forClient(kind, dcId, FixedRandom.seeded(seed));
        Obfuscated2Init server = Obfuscated2Init.fromClient(client.header());
        assertEquals(kind, server.kind());
        assertEquals(dcId, server.dcId());
        assertEquals(dcId, client.dcId());
    }

    @Property(tries = 200)
    void eachSideDecryptsWhatTheOtherEncrypts(@ForAll long seed, @ForAll("tagged") TransportKind kind,
            @ForAll @Size(max = 3) List<@Size(max = 300) byte[]> upstream,
            @ForAll @Size(max = 3) List<@Size(max = 300) byte[]> downstream) {
        Obfuscated2Init client = Obfuscated2Init.forClient(kind, 2, FixedRandom.seeded(seed));
        Obfuscated2Init server = Obfuscated2Init.fromClient(client.header());
        for (byte[] chunk : upstream) {
            byte[] wire = chunk.clone();
            client.encryptor().apply(wire);
            server.decryptor().apply(wire);
            assertArrayEquals(chunk, wire);
        }
        for (byte[] chunk : downstream) {
            byte[] wire = chunk.clone();
            server.encryptor().apply(wire);
            client.decryptor().apply(wire);
            assertArrayEquals(chunk, wire);
        }
    }

    /** Draws: some blocks made forbidden by one of the listed starts, then allowed ones; the first allowed wins. */
    @Property(tries = 300)
    void theFirstAllowedDrawIsUsed(@ForAll long seed, @ForAll @IntRange(max = 5) int forbiddenDraws,
            @ForAll("prefixIndexes") List<Integer> prefixes) {
        FixedRandom source = FixedRandom.seeded(seed);
        byte[][] draws = new byte[forbiddenDraws + 1][];
        for (int i = 0; i < forbiddenDraws; i++) {
            draws[i] = source.bytes(64);
            int which = prefixes.isEmpty() ? FORBIDDEN_PREFIXES.size() : prefixes.get(i % prefixes.size());
            if (which == FORBIDDEN_PREFIXES.size()) {
                Arrays.fill(draws[i], 4, 8, (byte) 0); // the full transport's seqno 0
            } else {
                byte[] prefix = FORBIDDEN_PREFIXES.get(which);
                System.arraycopy(prefix, 0, draws[i], 0, prefix.length);
            }
        }
        do {
            draws[forbiddenDraws] = source.bytes(64);
        } while (Obfuscated2Init.isForbiddenStart(draws[forbiddenDraws]));
        FixedRandom random = FixedRandom.of(draws);
        byte[] header = Obfuscated2Init.forClient(TransportKind.PADDED_INTERMEDIATE, 1, random).header();
        assertArrayEquals(Arrays.copyOf(draws[forbiddenDraws], 56), Arrays.copyOf(header, 56));
        assertEquals(0, random.remaining());
    }

    @Provide
    Arbitrary<TransportKind> tagged() {
        return Arbitraries.of(TransportKind.ABRIDGED, TransportKind.INTERMEDIATE, TransportKind.PADDED_INTERMEDIATE);
    }

    @Provide
    Arbitrary<List<Integer>> prefixIndexes() {
        return Arbitraries.integers().between(0, FORBIDDEN_PREFIXES.size()).list().ofMinSize(1).ofMaxSize(5);
    }

    private static int intLE(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }
}
