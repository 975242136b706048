package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.transport.TransportException.Kind;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Frames that break their transport's rules: each is reported once as a {@link TransportException} of the right
 * kind, the channel is closed, what came before is still delivered, and nothing buffered leaks.
 */
@ExtendWith(NettyLeakCheck.class)
class MalformedFramesTest {
    private static final int SMALL_LIMIT = 1024;
    private static final TransportKind ABRIDGED = TransportKind.ABRIDGED;
    private static final TransportKind INTERMEDIATE = TransportKind.INTERMEDIATE;
    private static final TransportKind PADDED = TransportKind.PADDED_INTERMEDIATE;
    private static final TransportKind FULL = TransportKind.FULL;
    private static final TransportSide SERVER = TransportSide.SERVER;
    private static final TransportSide CLIENT = TransportSide.CLIENT;

    @Test
    void abridgedZeroLength() {
        assertRejected(ABRIDGED, SERVER, "00 61626364", Kind.MALFORMED_FRAME);
        assertRejected(ABRIDGED, SERVER, "7f 000000", Kind.MALFORMED_FRAME);
        assertRejected(ABRIDGED, SERVER, "80", Kind.MALFORMED_FRAME);
    }

    @Test
    void abridgedTooLargeIsRejectedBeforeTheBodyArrives() {
        // 0x7f, 257 words = 1028 bytes > 1024
        assertRejected(ABRIDGED, SERVER, "7f 010100", Kind.FRAME_TOO_LARGE);
        assertRejected(ABRIDGED, CLIENT, "7f ffffff", Kind.FRAME_TOO_LARGE);
    }

    @Test
    void intermediateZeroOrUnalignedLength() {
        assertRejected(INTERMEDIATE, SERVER, "00000000", Kind.MALFORMED_FRAME);
        assertRejected(INTERMEDIATE, SERVER, "06000000 010203040506", Kind.MALFORMED_FRAME);
        // a quick-ack flag with no length behind it
        assertRejected(INTERMEDIATE, SERVER, "00000080", Kind.MALFORMED_FRAME);
    }

    @Test
    void intermediateTooLarge() {
        assertRejected(INTERMEDIATE, SERVER, "04040000", Kind.FRAME_TOO_LARGE);
        assertRejected(INTERMEDIATE, CLIENT, "ffffff7f", Kind.FRAME_TOO_LARGE);
    }

    @Test
    void paddedIntermediateZeroNegativeOrTooLarge() {
        assertRejected(PADDED, SERVER, "00000000", Kind.MALFORMED_FRAME);
        // from the server the top bit is no flag: a negative length
        assertRejected(PADDED, CLIENT, "08000080", Kind.MALFORMED_FRAME);
        assertRejected(PADDED, SERVER, "01040000", Kind.FRAME_TOO_LARGE);
        // a quick-ack packet whose token lacks the top bit
        assertRejected(PADDED, CLIENT, "08000000 ffffffff 01020304", Kind.MALFORMED_FRAME);
    }

    @Test
    void fullLengthBelowOverheadOrWithoutPayload() {
        assertRejected(FULL, SERVER, "08000000 00000000", Kind.MALFORMED_FRAME);
        assertRejected(FULL, SERVER, "0c000000 00000000 00000000", Kind.MALFORMED_FRAME);
        assertRejected(FULL, SERVER, "0d040000 00000000", Kind.FRAME_TOO_LARGE);
    }

    @Test
    void fullWrongSequenceNumber() {
        byte[] first = FrameVectorsTest.fullFrame(0, new byte[8]);
        byte[] skipped = FrameVectorsTest.fullFrame(2, new byte[8]);
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(FrameCodecs.decoder(FULL, CLIENT, SMALL_LIMIT), recorder);
        channel.writeInbound(buffer(first));
        Connection.feed(channel, buffer(skipped));
        assertArrayEquals(new byte[8], drain(channel.readInbound()));
        assertFailed(channel, recorder, Kind.BAD_SEQNO);

        assertRejected(FULL, SERVER, FrameVectorsTest.fullFrame(1, new byte[8]), Kind.BAD_SEQNO);
    }

    @Test
    void fullWrongChecksum() {
        byte[] frame = FrameVectorsTest.fullFrame(0, new byte[] {1, 2, 3, 4});
        frame[9] ^= 0x40; // a payload bit
        assertRejected(FULL, SERVER, frame, Kind.BAD_CHECKSUM);
        byte[] crc = FrameVectorsTest.fullFrame(0, new byte[] {1, 2, 3, 4});
        crc[crc.length - 1] ^= 1;
        assertRejected(FULL, CLIENT, crc, Kind.BAD_CHECKSUM);
    }

    @Test
    void framesBeforeTheBrokenOneAreDeliveredAndLaterBytesDropped() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(
                new IntermediateFrameDecoder(TransportSide.SERVER, SMALL_LIMIT), recorder);
        channel.writeInbound(buffer("04000000 61626364 05000000 0102030405 08000000 0102030405060708"));
        assertArrayEquals(TestBuffers.hex("61626364"), drain(channel.readInbound()));
        assertFailed(channel, recorder, Kind.MALFORMED_FRAME);
    }

    @Test
    void bytesArrivingAfterTheFailureAreDroppedAndReleased() {
        // a handler that ignores close() keeps the channel open, as if more bytes were already on their way
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
                promise.setSuccess();
            }
        }, new AbridgedFrameDecoder(TransportSide.SERVER, SMALL_LIMIT), recorder);
        channel.writeInbound(buffer("00"));
        channel.writeInbound(buffer("01 61626364"), buffer("01 61626364"));
        assertEquals(Kind.MALFORMED_FRAME, recorder.onlyTransportException().kind());
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void serverDecodersPassNegativeFourBytePayloadsOn() {
        // transport errors only travel from server to client; from a client they are just (bad) payloads
        EmbeddedChannel channel = new EmbeddedChannel(new IntermediateFrameDecoder(TransportSide.SERVER, SMALL_LIMIT));
        channel.writeInbound(buffer("04000000 6cfeffff"));
        assertArrayEquals(TestBuffers.hex("6cfeffff"), drain(channel.readInbound()));
        assertTrue(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void paddedTransportErrorMayCarryPadding() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(
                new PaddedIntermediateFrameDecoder(TransportSide.CLIENT, SMALL_LIMIT), recorder);
        channel.writeInbound(buffer("07000000 53feffff aabbcc"));
        TransportException e = recorder.onlyTransportException();
        assertEquals(Kind.TRANSPORT_FLOOD, e.kind());
        assertEquals(-429, e.code());
        assertEquals("TRANSPORT_FLOOD", e.name());
        assertEquals("transport error -429 (TRANSPORT_FLOOD): transport flood", e.getMessage());
        assertTrue(channel.isOpen());
        assertFalse(channel.finishAndReleaseAll());
    }

    private static void assertRejected(TransportKind transport, TransportSide side, String hex, Kind kind) {
        assertRejected(transport, side, TestBuffers.hex(hex), kind);
    }

    private static void assertRejected(TransportKind transport, TransportSide side, byte[] frame, Kind kind) {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(FrameCodecs.decoder(transport, side, SMALL_LIMIT), recorder);
        Connection.feed(channel, buffer(frame));
        assertNull(channel.readInbound());
        assertFailed(channel, recorder, kind);
    }

    private static void assertFailed(EmbeddedChannel channel, Recorder recorder, Kind kind) {
        TransportException e = recorder.onlyTransportException();
        assertEquals(kind, e.kind(), e::getMessage);
        assertEquals(0, e.code());
        assertFalse(kind.fromServer());
        assertFalse(channel.isOpen(), "a broken frame closes the channel");
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }
}
