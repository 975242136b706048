package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the encoders refuse: the write fails with the reason, the message is released, and nothing is sent.
 */
@ExtendWith(NettyLeakCheck.class)
class FrameEncoderRulesTest {
    private static final int LIMIT = 1024;

    @Test
    void abridgedAndIntermediateCarryWholeWordsOnly() {
        for (TransportKind kind : new TransportKind[] {TransportKind.ABRIDGED, TransportKind.INTERMEDIATE}) {
            assertRefused(encoder(kind, TransportSide.CLIENT), buffer("010203"), TransportException.class);
            assertRefused(encoder(kind, TransportSide.SERVER), buffer("0102030405"), TransportException.class);
        }
    }

    @Test
    void paddedAndFullCarryAnyLength() {
        for (TransportKind kind : new TransportKind[] {TransportKind.PADDED_INTERMEDIATE, TransportKind.FULL}) {
            EmbeddedChannel channel = new EmbeddedChannel(encoder(kind, TransportSide.CLIENT));
            channel.writeOutbound(buffer("010203"));
            drain(channel.readOutbound());
            assertFalse(channel.finishAndReleaseAll());
        }
    }

    @Test
    void emptyAndOversizePayloadsAreRefused() {
        for (TransportKind kind : TransportKind.values()) {
            assertRefused(encoder(kind, TransportSide.CLIENT), buffer(new byte[0]), TransportException.class);
            TransportException tooLarge = assertRefused(encoder(kind, TransportSide.SERVER),
                    buffer(new byte[LIMIT + 4]), TransportException.class);
            assertEquals(TransportException.Kind.FRAME_TOO_LARGE, tooLarge.kind());
        }
    }

    @Test
    void onlyTheClientAsksForQuickAcksAndOnlyTheServerSendsThemAndErrors() {
        for (TransportKind kind : TransportKind.values()) {
            if (kind.supportsQuickAck()) {
                assertRefused(encoder(kind, TransportSide.SERVER), new QuickAckRequest(buffer("01020304")),
                        IllegalArgumentException.class);
                assertRefused(encoder(kind, TransportSide.CLIENT), new QuickAck(-1), IllegalArgumentException.class);
            }
            assertRefused(encoder(kind, TransportSide.CLIENT), TransportError.INVALID_DC,
                    IllegalArgumentException.class);
        }
    }

    @Test
    void fullTransportHasNoQuickAcks() {
        assertRefused(encoder(TransportKind.FULL, TransportSide.CLIENT), new QuickAckRequest(buffer("01020304")),
                UnsupportedOperationException.class);
        assertRefused(encoder(TransportKind.FULL, TransportSide.SERVER), new QuickAck(-1),
                UnsupportedOperationException.class);
    }

    @Test
    void otherMessagesPassThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(encoder(TransportKind.INTERMEDIATE, TransportSide.CLIENT));
        channel.writeOutbound("not for the transport");
        assertEquals("not for the transport", channel.readOutbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void transportErrorsFromTheServerAreFourBytePayloads() {
        EmbeddedChannel channel = new EmbeddedChannel(encoder(TransportKind.INTERMEDIATE, TransportSide.SERVER));
        channel.writeOutbound(TransportError.AUTH_KEY_NOT_FOUND);
        assertArrayEquals(TestBuffers.hex("04000000 6cfeffff"), drain(channel.readOutbound()));
        assertFalse(channel.finishAndReleaseAll());
        assertThrows(IllegalArgumentException.class, () -> new TransportError(404));
        assertThrows(IllegalArgumentException.class, () -> new QuickAck(0x7fffffff));
    }

    @Test
    void paddingNeverPushesTheLengthFieldPastTheLimit() {
        // the first random byte asks for 15 bytes of padding; only 2 fit under the limit
        EmbeddedChannel channel = new EmbeddedChannel(
                new PaddedIntermediateFrameEncoder(TransportSide.CLIENT, 8, FixedRandom.ofHex("0f aabb")));
        channel.writeOutbound(buffer("010203040506"));
        assertArrayEquals(TestBuffers.hex("08000000 010203040506 aabb"), drain(channel.readOutbound()));
        assertFalse(channel.finishAndReleaseAll());
    }

    private static ChannelHandler encoder(TransportKind kind, TransportSide side) {
        return FrameCodecs.encoder(kind, side, LIMIT, FixedRandom.seeded(1));
    }

    private static <T extends Throwable> T assertRefused(ChannelHandler encoder, Object message, Class<T> reason) {
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        ChannelFuture write = channel.writeAndFlush(message);
        EncoderException failure = assertInstanceOf(EncoderException.class, write.cause());
        T cause = assertInstanceOf(reason, failure.getCause());
        if (message instanceof ByteBuf buf) {
            assertEquals(0, buf.refCnt(), "the refused payload was released");
        } else if (message instanceof QuickAckRequest request) {
            assertEquals(0, request.refCnt(), "the refused request was released");
        }
        assertNull(channel.readOutbound());
        assertFalse(channel.finishAndReleaseAll());
        return cause;
    }
}
