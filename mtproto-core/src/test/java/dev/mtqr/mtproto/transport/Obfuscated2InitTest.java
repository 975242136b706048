package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The obfuscation2 init (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation) against vectors. */
@ExtendWith(NettyLeakCheck.class)
class Obfuscated2InitTest {
    /** Bytes 0, 1, ..., 63: an allowed start (first int 0x03020100, second 0x07060504). */
    private static final byte[] COUNTING = TestBuffers.pattern(64);

    @Test
    void matchesAnAesCtrComputedWithOpenssl() {
        // Computed independently: init = bytes 00..3f with eeeeeeee at 56 and dc 2 (0200) at 60, then
        // openssl enc -aes-256-ctr -K <init[8..40]> -iv <init[40..56]> -nopad over init + "abcd", and with the
        // key and iv from init[8..56] reversed over "abcd".
        Obfuscated2Init init = Obfuscated2Init.forClient(TransportKind.INTERMEDIATE, 2, FixedRandom.of(COUNTING));
        byte[] expected = COUNTING.clone();
        System.arraycopy(hex("4618255e1c00fd5d"), 0, expected, 56, 8);
        assertArrayEquals(expected, init.header());

        byte[] payload = "abcd".getBytes(StandardCharsets.US_ASCII);
        init.encryptor().apply(payload);
        assertArrayEquals(hex("53cba24c"), payload);
        byte[] incoming = "abcd".getBytes(StandardCharsets.US_ASCII);
        init.decryptor().apply(incoming);
        assertArrayEquals(hex("4eff8014"), incoming);
    }

    @Test
    void serverReadsTagAndDcIdAndMirrorsTheStreams() {
        Obfuscated2Init client = Obfuscated2Init.forClient(TransportKind.INTERMEDIATE, 2, FixedRandom.of(COUNTING));
        Obfuscated2Init server = Obfuscated2Init.fromClient(client.header());
        assertEquals(TransportKind.INTERMEDIATE, server.kind());
        assertEquals(2, server.dcId());

        byte[] upstream = hex("53cba24c"); // "abcd" as the client encrypted it after the init
        server.decryptor().apply(upstream);
        assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), upstream);
        byte[] downstream = "abcd".getBytes(StandardCharsets.US_ASCII);
        server.encryptor().apply(downstream);
        assertArrayEquals(hex("4eff8014"), downstream);
    }

    @Test
    void matchesGotdMtproxyVectorWithRepeatedBytes() {
        // gotd internal/proto/codec/obfuscated2_test.go Test_generateKeys: random = 64 x 'a', secret = 16 x 0xaa,
        // padded intermediate, dc 2
        byte[] random = new byte[64];
        Arrays.fill(random, (byte) 'a');
        byte[] secret = new byte[16];
        Arrays.fill(secret, (byte) 0xaa);
        Obfuscated2Init init = Obfuscated2Init.forClient(TransportKind.PADDED_INTERMEDIATE, 2, FixedRandom.of(random),
                secret);
        byte[] expected = random.clone();
        System.arraycopy(new byte[] {(byte) 171, 65, 98, 66, 79, 102, (byte) 253, (byte) 220}, 0, expected, 56, 8);
        assertArrayEquals(expected, init.header());

        Obfuscated2Init server = Obfuscated2Init.fromClient(init.header(), secret);
        assertEquals(TransportKind.PADDED_INTERMEDIATE, server.kind());
        assertEquals(2, server.dcId());
    }

    @Test
    void matchesGotdMtproxyVectorWithKeystreams() {
        // gotd internal/proto/codec/obfuscated2_test.go TestEncrypt
        byte[] random = unsigned(245, 118, 143, 80, 183, 49, 38, 10, 70, 190, 16, 39, 194, 238, 170, 57, 53, 6, 36,
                240, 182, 218, 89, 235, 165, 108, 129, 254, 69, 16, 194, 224, 182, 29, 61, 211, 35, 238, 2, 56, 134,
                51, 227, 131, 122, 12, 28, 36, 250, 111, 41, 204, 215, 36, 190, 111, 65, 111, 247, 176, 38, 246, 204,
                230);
        byte[] secret = hex("8a96ef6e42a18c21837580cd1c91c5a8");
        Obfuscated2Init init = Obfuscated2Init.forClient(TransportKind.PADDED_INTERMEDIATE, 2, FixedRandom.of(random),
                secret);
        byte[] expected = Arrays.copyOf(random, 64);
        System.arraycopy(unsigned(190, 162, 221, 225, 109, 197, 157, 210), 0, expected, 56, 8);
        assertArrayEquals(expected, init.header());

        byte[] encrypted = "abcd".getBytes(StandardCharsets.US_ASCII);
        init.encryptor().apply(encrypted);
        assertArrayEquals(unsigned(202, 122, 130, 38), encrypted);
        byte[] decrypted = "abcd".getBytes(StandardCharsets.US_ASCII);
        init.decryptor().apply(decrypted);
        assertArrayEquals(unsigned(143, 113, 25, 130), decrypted);

        // a 17-byte secret names the transport in its first byte, which the key ignores
        byte[] secret17 = new byte[17];
        secret17[0] = (byte) 0xdd;
        System.arraycopy(secret, 0, secret17, 1, 16);
        assertArrayEquals(expected, Obfuscated2Init.forClient(TransportKind.PADDED_INTERMEDIATE, 2,
                FixedRandom.of(random), secret17).header());
    }

    @Test
    void forbiddenStartsAreDrawnAgain() {
        byte[][] forbidden = {
            start("ef"), start("48454144"), start("504f5354"), start("47455420"), start("4f505449"),
            start("16030102"), start("dddddddd"), start("eeeeeeee"), start("01020304 00000000"),
        };
        for (byte[] block : forbidden) {
            assertTrue(Obfuscated2Init.isForbiddenStart(block), () -> HexFormat.of().formatHex(block, 0, 8));
            Obfuscated2Init init = Obfuscated2Init.forClient(TransportKind.ABRIDGED, 1,
                    FixedRandom.of(block, COUNTING));
            assertArrayEquals(Arrays.copyOf(COUNTING, 56), Arrays.copyOf(init.header(), 56));
        }
        assertFalse(Obfuscated2Init.isForbiddenStart(COUNTING));
        assertFalse(Obfuscated2Init.isForbiddenStart(start("eeeeeeef"))); // close is not equal
        assertFalse(Obfuscated2Init.isForbiddenStart(start("00ef0000")));
    }

    @Test
    void aSourceOfOnlyForbiddenStartsIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Obfuscated2Init.forClient(TransportKind.ABRIDGED, 1, bytes -> Arrays.fill(bytes, (byte) 0)));
        assertTrue(e.getMessage().contains("forbidden"), e.getMessage());
    }

    @Test
    void dcIdIsASignedInt16() {
        for (int dcId : new int[] {1, 5, -2, 10_004, -10_004, Short.MAX_VALUE, Short.MIN_VALUE}) {
            Obfuscated2Init client = Obfuscated2Init.forClient(TransportKind.ABRIDGED, dcId, FixedRandom.seeded(dcId));
            assertEquals(dcId, client.dcId());
            assertEquals(dcId, Obfuscated2Init.fromClient(client.header()).dcId());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Obfuscated2Init.forClient(TransportKind.ABRIDGED, 40_000, FixedRandom.seeded(1)));
    }

    @Test
    void fullTransportCannotBeObfuscated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Obfuscated2Init.forClient(TransportKind.FULL, 2, FixedRandom.seeded(1)));
        assertEquals("the FULL transport cannot be obfuscated: obfuscation2 names the transport by a tag at offset "
                + "56, and only abridged, intermediate and padded intermediate have one", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientTransport.install(new EmbeddedChannel().pipeline(),
                TransportKind.FULL, true, 2, FixedRandom.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> new DetectedTransport(TransportKind.FULL, true, 2));
        assertThrows(IllegalStateException.class, TransportKind.FULL::obfuscationTag);
    }

    @Test
    void anInitWithoutAKnownTagIsAnUnknownProtocol() {
        TransportException e = assertThrows(TransportException.class, () -> Obfuscated2Init.fromClient(COUNTING));
        assertEquals(TransportException.Kind.UNKNOWN_PROTOCOL, e.kind());
        assertThrows(IllegalArgumentException.class, () -> Obfuscated2Init.fromClient(new byte[63]));
    }

    @Test
    void keysStayOutOfToString() {
        Obfuscated2Init init = Obfuscated2Init.forClient(TransportKind.ABRIDGED, 3, FixedRandom.of(COUNTING));
        assertEquals("Obfuscated2Init[kind=ABRIDGED, dcId=3]", init.toString());
    }

    /** 64 bytes starting with {@code hex}, the rest from {@link #COUNTING}. */
    private static byte[] start(String hex) {
        byte[] block = COUNTING.clone();
        byte[] prefix = hex(hex);
        System.arraycopy(prefix, 0, block, 0, prefix.length);
        return block;
    }

    private static byte[] unsigned(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
