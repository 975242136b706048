package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static dev.mtqr.mtproto.transport.TestBuffers.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which transport the first bytes of a connection name (core.telegram.org/mtproto/mtproto-transports). */
@ExtendWith(NettyLeakCheck.class)
class TransportDetectorTest {

    @Test
    void abridgedIsTheByteEf() {
        assertDetected("ef 01 61626364", new DetectedTransport(TransportKind.ABRIDGED, false, 0), "61626364");
    }

    @Test
    void intermediateIsFourEe() {
        assertDetected("eeeeeeee 04000000 61626364", new DetectedTransport(TransportKind.INTERMEDIATE, false, 0),
                "61626364");
    }

    @Test
    void paddedIntermediateIsFourDd() {
        assertDetected("dddddddd 06000000 61626364 aabb",
                new DetectedTransport(TransportKind.PADDED_INTERMEDIATE, false, 0), "61626364 aabb");
    }

    @Test
    void fullIsAFrameWithSeqnoZero() {
        byte[] frame = FrameVectorsTest.fullFrame(0, hex("61626364"));
        assertDetected(HexFormat.of().formatHex(frame), new DetectedTransport(TransportKind.FULL, false, 0),
                "61626364");
    }

    @Test
    void fullWithABrokenFirstFrameIsStillFullAndRejectedThere() {
        Recorder recorder = new Recorder();
        EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
        Connection.feed(server, buffer("11000000 00000000 6162636465 00000000"));
        assertEquals(List.of(new DetectedTransport(TransportKind.FULL, false, 0)), recorder.events);
        assertEquals(TransportException.Kind.BAD_CHECKSUM, recorder.onlyTransportException().kind());
        assertFalse(server.isOpen());
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void obfuscatedInitsNameTheirTransportAndDc() {
        for (TransportKind kind : List.of(TransportKind.ABRIDGED, TransportKind.INTERMEDIATE,
                TransportKind.PADDED_INTERMEDIATE)) {
            Obfuscated2Init init = Obfuscated2Init.forClient(kind, -3, FixedRandom.seeded(kind.ordinal()));
            Recorder recorder = new Recorder();
            EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
            byte[] header = init.header();
            for (int i = 0; i < header.length - 1; i++) { // nothing is decided before the 64th byte
                server.writeInbound(buffer(new byte[] {header[i]}));
                assertTrue(recorder.events.isEmpty());
            }
            server.writeInbound(buffer(new byte[] {header[63]}));
            DetectedTransport detected = new DetectedTransport(kind, true, -3);
            assertEquals(List.of(detected), recorder.events);
            assertEquals(detected, server.attr(DetectedTransport.ATTRIBUTE).get());
            assertNotNull(server.pipeline().get(FrameCodecs.OBFUSCATION_DECODER));
            assertNull(server.pipeline().get(TransportDetector.class));
            assertFalse(server.finishAndReleaseAll());
        }
    }

    @Test
    void plainHeadersSplitIntoSingleBytes() {
        Recorder recorder = new Recorder();
        EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
        for (byte b : hex("dddddddd 04000000 01020304")) {
            server.writeInbound(buffer(new byte[] {b}));
        }
        assertEquals(List.of(new DetectedTransport(TransportKind.PADDED_INTERMEDIATE, false, 0)), recorder.events);
        assertArrayEquals(hex("01020304"), drain(assertInstanceOf(ByteBuf.class,
                server.readInbound())));
        assertFalse(server.finishAndReleaseAll());
    }

    @Test
    void httpAndTlsAreRefusedAtOnce() {
        for (String start : List.of("GET / HTTP/1.1\r\n", "POST /api", "HEAD /", "OPTIONS *")) {
            assertUnknown(start.getBytes(StandardCharsets.US_ASCII));
        }
        assertUnknown(hex("16030102 00"));
    }

    @Test
    void randomBytesWithoutAKnownTagAreRefused() {
        assertUnknown(TestBuffers.pattern(64)); // an allowed start, but the decrypted tag is garbage
        assertUnknown(TestBuffers.pattern(200)); // more than the init: the rest is dropped and released
    }

    @Test
    void waitsForEnoughBytes() {
        Recorder recorder = new Recorder();
        EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
        server.writeInbound(buffer("dd"), buffer("dddd"), buffer("01020304050607"));
        assertTrue(recorder.events.isEmpty());
        assertTrue(recorder.exceptions.isEmpty());
        assertTrue(server.isOpen());
        assertFalse(server.finishAndReleaseAll());
    }

    private static void assertDetected(String hex, DetectedTransport expected, String payloadHex) {
        for (boolean byteByByte : new boolean[] {false, true}) {
            Recorder recorder = new Recorder();
            EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
            if (byteByByte) {
                for (byte b : hex(hex)) {
                    server.writeInbound(buffer(new byte[] {b}));
                }
            } else {
                server.writeInbound(buffer(hex));
            }
            assertEquals(List.of(expected), recorder.events);
            assertEquals(expected, server.attr(DetectedTransport.ATTRIBUTE).get());
            assertArrayEquals(hex(payloadHex), drain(server.readInbound()));
            assertNull(server.readInbound());
            assertNull(server.pipeline().get(TransportDetector.class));
            assertTrue(recorder.exceptions.isEmpty());
            assertFalse(server.finishAndReleaseAll());
        }
    }

    private static void assertUnknown(byte[] start) {
        Recorder recorder = new Recorder();
        EmbeddedChannel server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(1)), recorder);
        Connection.feed(server, buffer(start));
        assertEquals(TransportException.Kind.UNKNOWN_PROTOCOL, recorder.onlyTransportException().kind());
        assertFalse(server.isOpen());
        assertTrue(recorder.events.isEmpty());
        assertNull(server.readInbound());
        assertFalse(server.finishAndReleaseAll());
    }
}
