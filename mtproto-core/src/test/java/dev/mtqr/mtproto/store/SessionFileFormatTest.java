package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SessionFileFormatTest {
    private static final String SOURCE = "test.session";

    @Provide
    Arbitrary<SessionData> sessions() {
        return SessionSamples.sessions();
    }

    @Property
    void decodeOfEncodeGivesTheSession(@ForAll("sessions") SessionData data) {
        assertEquals(data, SessionFileFormat.decode(SessionFileFormat.encode(data), SOURCE));
    }

    @Property
    void encodeOfDecodeGivesTheBytes(@ForAll("sessions") SessionData data) {
        byte[] bytes = SessionFileFormat.encode(data);

        assertArrayEquals(bytes, SessionFileFormat.encode(SessionFileFormat.decode(bytes, SOURCE)));
    }

    @Property(tries = 50)
    void everyTruncationIsRejected(@ForAll("sessions") SessionData data) {
        byte[] bytes = SessionFileFormat.encode(data);

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            SessionStoreException e = assertThrows(SessionStoreException.class,
                    () -> SessionFileFormat.decode(truncated, SOURCE), "length " + length);
            assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
        }
    }

    @Property(tries = 30)
    void everyFlippedBitIsRejected(@ForAll("sessions") SessionData data) {
        byte[] bytes = SessionFileFormat.encode(data);

        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(SessionStoreException.class, () -> SessionFileFormat.decode(flipped, SOURCE), "bit " + bit);
        }
    }

    @Test
    void emptySessionHasTheDocumentedBytes() {
        assertEquals("4d545153" + "0001" + "00000010" + "00000000" + "0000000000000000" + "00000000" + "9b8f828b",
                HexFormat.of().formatHex(SessionFileFormat.encode(SessionData.empty())));
    }

    @Test
    void dcEntryHasTheDocumentedLayout() {
        AuthKey key = SessionSamples.key(7);
        SessionData data = SessionData.empty().withMainDc(2).withUserId(5)
                .withDc(new DcSession(2, key, -2L, -30, "::1", 443));

        ByteBuffer in = ByteBuffer.wrap(SessionFileFormat.encode(data));

        assertEquals(0x4d545153, in.getInt());
        assertEquals(1, in.getShort());
        assertEquals(16 + 4 + 256 + 8 + 4 + 2 + 3 + 2, in.getInt());
        assertEquals(2, in.getInt());
        assertEquals(5L, in.getLong());
        assertEquals(1, in.getInt());
        assertEquals(2, in.getInt());
        byte[] keyBytes = new byte[256];
        in.get(keyBytes);
        assertArrayEquals(key.bytes(), keyBytes);
        assertEquals(-2L, in.getLong());
        assertEquals(-30, in.getInt());
        assertEquals(3, in.getShort());
        byte[] host = new byte[3];
        in.get(host);
        assertEquals("::1", new String(host, StandardCharsets.US_ASCII));
        assertEquals(443, in.getShort());
        assertEquals(4, in.remaining());
    }

    @Test
    void everyByteOfTheMagicIsChecked() {
        byte[] bytes = SessionFileFormat.encode(SessionSamples.loggedIn(1));

        for (int i = 0; i < 4; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 0x20;
            SessionStoreException e = assertThrows(SessionStoreException.class,
                    () -> SessionFileFormat.decode(flipped, SOURCE));
            assertEquals(SOURCE + ": not an mtqr session file (bad magic)", e.getMessage());
        }
    }

    @Test
    void otherVersionsAreRejectedByNumber() {
        byte[] bytes = SessionFileFormat.encode(SessionSamples.loggedIn(1));

        for (int version : new int[] {0, 2, 0x0100, 0xffff}) {
            byte[] changed = bytes.clone();
            changed[4] = (byte) (version >>> 8);
            changed[5] = (byte) version;
            SessionStoreException e = assertThrows(SessionStoreException.class,
                    () -> SessionFileFormat.decode(changed, SOURCE));
            assertEquals(SOURCE + ": unsupported version " + version + " (this build reads version 1)",
                    e.getMessage());
        }
    }

    @Test
    void truncationMessageSaysWhatIsMissing() {
        byte[] bytes = SessionFileFormat.encode(SessionSamples.loggedIn(1));

        SessionStoreException e = assertThrows(SessionStoreException.class,
                () -> SessionFileFormat.decode(Arrays.copyOf(bytes, 100), SOURCE));

        assertEquals(SOURCE + ": truncated: the header announces " + (bytes.length - 14)
                + " bytes of data and a 4-byte checksum, 90 bytes follow", e.getMessage());
    }

    @Test
    void bytesAfterTheChecksumAreRejected() {
        byte[] bytes = Arrays.copyOf(SessionFileFormat.encode(SessionSamples.loggedIn(1)), 1000);

        SessionStoreException e = assertThrows(SessionStoreException.class,
                () -> SessionFileFormat.decode(Arrays.copyOf(bytes, bytes.length), SOURCE));

        assertTrue(e.getMessage().endsWith("unexpected bytes after the checksum"), e.getMessage());
    }

    @Test
    void corruptedKeyIsReportedWithoutItsBytes() {
        SessionData data = SessionSamples.loggedIn(1);
        byte[] bytes = SessionFileFormat.encode(data);
        bytes[40] ^= 1;

        SessionStoreException e = assertThrows(SessionStoreException.class,
                () -> SessionFileFormat.decode(bytes, SOURCE));

        assertEquals(SOURCE + ": checksum mismatch: the file is corrupted", e.getMessage());
        for (DcSession dc : data.dcs().values()) {
            SecretText.assertNoKeyBytes(e.getMessage(), dc.authKey());
        }
    }

    @Test
    void entriesOutOfOrderOrRepeatedAreRejectedEvenWithAValidChecksum() {
        byte[] dc2 = entry(2, null, 0);
        byte[] dc1 = entry(1, null, 0);

        SessionStoreException descending = assertThrows(SessionStoreException.class,
                () -> SessionFileFormat.decode(file(1, body(0, 0, dc2, dc1)), SOURCE));
        SessionStoreException repeated = assertThrows(SessionStoreException.class,
                () -> SessionFileFormat.decode(file(1, body(0, 0, dc1, dc1)), SOURCE));

        assertTrue(descending.getMessage().contains("DC entry 2 of 2: DC 1 is not after DC 2"), descending.getMessage());
        assertTrue(repeated.getMessage().contains("DC entry 2 of 2: DC 1 is not after DC 1"), repeated.getMessage());
    }

    @Test
    void invalidValuesAreRejectedEvenWithAValidChecksum() {
        byte[][] bodies = {
            body(-1, 0),
            body(0, -1),
            body(0, 0, entry(0, null, 0)),
            body(0, 0, entry(1, null, 443)),
            body(0, 0, entry(1, "10.0.0.1", 0)),
            body(0, 0, entry(1, "bad host", 443)),
            body(0, 0, entry(1, "h\u00e9", 443)),
        };
        for (byte[] body : bodies) {
            SessionStoreException e = assertThrows(SessionStoreException.class,
                    () -> SessionFileFormat.decode(file(1, body), SOURCE));
            assertTrue(e.getMessage().contains("invalid"), e.getMessage());
        }
    }

    @Test
    void countsAndLengthsBeyondTheDataAreRejectedEvenWithAValidChecksum() {
        byte[] entry = entry(1, "host", 443);
        byte[] hostLengthTooLong = entry.clone();
        hostLengthTooLong[4 + 256 + 8 + 4 + 1] = 9;

        byte[][] bodies = {
            withCount(body(0, 0, entry), 2),
            withCount(body(0, 0), -1),
            withCount(body(0, 0), 1025),
            body(0, 0, hostLengthTooLong),
            Arrays.copyOf(body(0, 0, entry), 16 + entry.length + 3),
            Arrays.copyOf(body(0, 0), 15),
        };
        for (byte[] body : bodies) {
            assertThrows(SessionStoreException.class, () -> SessionFileFormat.decode(file(1, body), SOURCE));
        }
    }

    @Test
    void moreDcsThanTheFormatHoldsCannotBeEncoded() {
        SessionData data = SessionData.empty();
        for (int dc = 1; dc <= 1025; dc++) {
            data = data.withDc(new DcSession(dc, SessionSamples.key(1), 0, 0));
        }
        SessionData tooMany = data;

        assertThrows(SessionStoreException.class, () -> SessionFileFormat.encode(tooMany));
        assertEquals(tooMany.withoutDc(1025),
                SessionFileFormat.decode(SessionFileFormat.encode(tooMany.withoutDc(1025)), SOURCE));
    }

    /** A complete file around {@code body} with a correct length and checksum. */
    private static byte[] file(int version, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(10 + body.length + 4);
        out.put(new byte[] {'M', 'T', 'Q', 'S'}).putShort((short) version).putInt(body.length).put(body);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        return out.putInt((int) crc.getValue()).array();
    }

    private static byte[] body(int mainDc, long userId, byte[]... entries) {
        ByteBuffer out = ByteBuffer.allocate(16 + Arrays.stream(entries).mapToInt(e -> e.length).sum());
        out.putInt(mainDc).putLong(userId).putInt(entries.length);
        for (byte[] entry : entries) {
            out.put(entry);
        }
        return out.array();
    }

    private static byte[] withCount(byte[] body, int count) {
        ByteBuffer.wrap(body).putInt(12, count);
        return body;
    }

    private static byte[] entry(int dcId, String host, int port) {
        byte[] hostBytes = host == null ? new byte[0] : host.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(4 + 256 + 8 + 4 + 2 + hostBytes.length + 2)
                .putInt(dcId).put(SessionSamples.key(dcId).bytes()).putLong(1).putInt(0)
                .putShort((short) hostBytes.length).put(hostBytes).putShort((short) port)
                .array();
    }
}
