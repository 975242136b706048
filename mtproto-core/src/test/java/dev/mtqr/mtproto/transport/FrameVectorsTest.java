package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static dev.mtqr.mtproto.transport.TestBuffers.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exact bytes of each framing, from core.telegram.org/mtproto/mtproto-transports and from gotd's codec tests
 * (github.com/gotd/td, internal/proto/codec/abridged_test.go and full_test.go).
 */
@ExtendWith(NettyLeakCheck.class)
class FrameVectorsTest {
    private static final int MAX = FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH;

    @Test
    void abridgedShortLengthIsOneByteOfWords() {
        // gotd abridged_test.go "Small-4b": "abcd" -> 01 'a' 'b' 'c' 'd'
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX), "abcd".getBytes(StandardCharsets.US_ASCII),
                hex("01 61626364"));
        byte[] medium = repeat('a', 124); // gotd "Medium-124b": one byte 0x1f
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX), medium, concat(hex("1f"), medium));
    }

    @Test
    void abridgedLongLengthIsSevenFThenThreeBytes() {
        byte[] big = repeat('a', 1024); // gotd "Big-1kb": 7f 00 01 00
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX), big, concat(hex("7f 000100"), big));
        assertDecodes(new AbridgedFrameDecoder(TransportSide.SERVER, MAX), concat(hex("7f 000100"), big), big);
        // 126 words still fit the short form, 127 do not ("smaller than 127")
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX), new byte[504],
                concat(hex("7e"), new byte[504]));
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX), new byte[508],
                concat(hex("7f 7f0000"), new byte[508]));
    }

    @Test
    void abridgedQuickAckRequestSetsTheTopBit() {
        // "(length >> 2) | (1 << 7)", and 0xff instead of 0x7f for the long form
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX),
                new QuickAckRequest(buffer("61626364")), hex("81 61626364"));
        assertEncodes(new AbridgedFrameEncoder(TransportSide.CLIENT, MAX),
                new QuickAckRequest(buffer(new byte[508])), concat(hex("ff 7f0000"), new byte[508]));
    }

    @Test
    void abridgedQuickAckFromTheServerIsTheTokenByteSwapped() {
        // token 0x81020304 is 04 03 02 81 little-endian; "bswapping" gives 81 02 03 04, top bit first
        assertEncodes(new AbridgedFrameEncoder(TransportSide.SERVER, MAX), new QuickAck(0x81020304),
                hex("81020304"));
        EmbeddedChannel client = new EmbeddedChannel(new AbridgedFrameDecoder(TransportSide.CLIENT, MAX));
        client.writeInbound(buffer("81020304 01 61626364"));
        assertEquals(new QuickAck(0x81020304), client.readInbound());
        assertArrayEquals(hex("61626364"), drain(client.readInbound()));
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void intermediateLengthIsFourBytesLittleEndian() {
        assertEncodes(new IntermediateFrameEncoder(TransportSide.CLIENT, MAX), hex("61626364"),
                hex("04000000 61626364"));
        assertEncodes(new IntermediateFrameEncoder(TransportSide.CLIENT, MAX),
                new QuickAckRequest(buffer("61626364")), hex("04000080 61626364")); // "len | (1 << 31)"
        assertEncodes(new IntermediateFrameEncoder(TransportSide.SERVER, MAX), new QuickAck(0x81020304),
                hex("04030281")); // "a standalone 4-byte packet without a length header"
        assertDecodes(new IntermediateFrameDecoder(TransportSide.SERVER, MAX), hex("08000000 0102030405060708"),
                hex("0102030405060708"));
    }

    @Test
    void paddedIntermediateLengthCountsThePadding() {
        // padding length: the first random byte mod 16 (0x13 -> 3), then the padding bytes
        FixedRandom random = FixedRandom.ofHex("13 aabbcc");
        assertEncodes(new PaddedIntermediateFrameEncoder(TransportSide.CLIENT, MAX, random), hex("61626364"),
                hex("07000000 61626364 aabbcc"));
        assertEquals(0, random.remaining());
        assertEncodes(new PaddedIntermediateFrameEncoder(TransportSide.CLIENT, MAX, FixedRandom.ofHex("00")),
                new QuickAckRequest(buffer("61626364")), hex("04000080 61626364"));
        // the decoder passes the padding on: the MTProto layer trims it
        assertDecodes(new PaddedIntermediateFrameDecoder(TransportSide.SERVER, MAX), hex("07000000 61626364 aabbcc"),
                hex("61626364 aabbcc"));
    }

    @Test
    void paddedIntermediateQuickAckIsAllOnesThenTheToken() {
        // "|tlen|FFFF|abcd|padding|": 0-8 bytes of padding (the random byte mod 9: 0x0b -> 2)
        assertEncodes(new PaddedIntermediateFrameEncoder(TransportSide.SERVER, MAX, FixedRandom.ofHex("0b 5a5a")),
                new QuickAck(0x81020304), hex("0a000000 ffffffff 04030281 5a5a"));
        EmbeddedChannel client = new EmbeddedChannel(new PaddedIntermediateFrameDecoder(TransportSide.CLIENT, MAX));
        client.writeInbound(buffer("0a000000 ffffffff 04030281 5a5a"));
        assertEquals(new QuickAck(0x81020304), client.readInbound());
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void fullFrameMatchesGotdVector() {
        // gotd full_test.go: seqno 1, payload "abc" -> 0f000000 01000000 616263 4ed66d94 (CRC32 of what precedes)
        byte[] vector = hex("0f000000 01000000 616263 4ed66d94");
        EmbeddedChannel encoder = new EmbeddedChannel(new FullFrameEncoder(TransportSide.CLIENT, MAX));
        encoder.writeOutbound(buffer("00000000")); // seqno 0
        drain(encoder.readOutbound());
        encoder.writeOutbound(buffer("616263"));
        assertArrayEquals(vector, drain(encoder.readOutbound()));
        assertFalse(encoder.finishAndReleaseAll());

        EmbeddedChannel decoder = new EmbeddedChannel(new FullFrameDecoder(TransportSide.SERVER, MAX));
        decoder.writeInbound(buffer(fullFrame(0, hex("00000000"))), buffer(vector));
        assertArrayEquals(hex("00000000"), drain(decoder.readInbound()));
        assertArrayEquals(hex("616263"), drain(decoder.readInbound()));
        assertNull(decoder.readInbound());
        assertFalse(decoder.finishAndReleaseAll());
    }

    @Test
    void fullSequenceNumbersCountEachDirectionFromZero() {
        EmbeddedChannel encoder = new EmbeddedChannel(new FullFrameEncoder(TransportSide.SERVER, MAX));
        for (int seqno = 0; seqno < 3; seqno++) {
            encoder.writeOutbound(buffer("01020304"));
            ByteBuf frame = encoder.readOutbound();
            assertEquals(16, frame.getIntLE(0));
            assertEquals(seqno, frame.getIntLE(4));
            frame.release();
        }
        assertFalse(encoder.finishAndReleaseAll());
    }

    @Test
    void protocolHeadersAndTags() {
        assertArrayEquals(hex("ef"), TransportKind.ABRIDGED.protocolHeader());
        assertArrayEquals(hex("eeeeeeee"), TransportKind.INTERMEDIATE.protocolHeader());
        assertArrayEquals(hex("dddddddd"), TransportKind.PADDED_INTERMEDIATE.protocolHeader());
        assertEquals(0, TransportKind.FULL.protocolHeader().length);
        assertEquals(0xefefefef, TransportKind.ABRIDGED.obfuscationTag());
        assertEquals(0xeeeeeeee, TransportKind.INTERMEDIATE.obfuscationTag());
        assertEquals(0xdddddddd, TransportKind.PADDED_INTERMEDIATE.obfuscationTag());
        assertFalse(TransportKind.FULL.supportsObfuscation());
        assertFalse(TransportKind.FULL.supportsQuickAck());
        assertTrue(TransportKind.fromObfuscationTag(0).isEmpty());
    }

    /** A full frame as the spec describes it, computed here independently of the encoder. */
    static byte[] fullFrame(int seqno, byte[] payload) {
        ByteBuf frame = Unpooled.buffer();
        frame.writeIntLE(payload.length + 12).writeIntLE(seqno).writeBytes(payload);
        CRC32 crc = new CRC32();
        crc.update(frame.array(), frame.arrayOffset(), frame.readableBytes());
        frame.writeIntLE((int) crc.getValue());
        return ByteBufUtil.getBytes(frame);
    }

    private static void assertEncodes(ChannelHandler encoder, byte[] payload, byte[] expected) {
        assertEncodes(encoder, buffer(payload), expected);
    }

    private static void assertEncodes(ChannelHandler encoder, Object message, byte[] expected) {
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        channel.writeOutbound(message);
        assertArrayEquals(expected, drain(channel.readOutbound()));
        assertFalse(channel.finishAndReleaseAll());
    }

    private static void assertDecodes(ChannelHandler decoder, byte[] frame, byte[] expected) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(buffer(frame));
        assertArrayEquals(expected, drain(channel.readInbound()));
        assertFalse(channel.finishAndReleaseAll());
    }

    private static byte[] repeat(char c, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
