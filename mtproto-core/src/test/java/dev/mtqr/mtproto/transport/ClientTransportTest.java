package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static dev.mtqr.mtproto.transport.TestBuffers.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a client sends first, "before sending anything into the underlying socket". */
@ExtendWith(NettyLeakCheck.class)
class ClientTransportTest {

    @Test
    void plainClientsSendTheProtocolHeaderFirst() {
        assertFirstBytes(TransportKind.ABRIDGED, "ef", "01 61626364");
        assertFirstBytes(TransportKind.INTERMEDIATE, "eeeeeeee", "04000000 61626364");
    }

    @Test
    void fullClientsSendNoHeader() {
        EmbeddedChannel client = new EmbeddedChannel();
        ClientTransport.install(client.pipeline(), TransportKind.FULL, false, 2, FixedRandom.seeded(1));
        assertNull(client.readOutbound());
        assertNull(client.pipeline().get(FrameCodecs.PROTOCOL_HEADER_WRITER));
        client.writeOutbound(buffer("61626364"));
        assertArrayEquals(FrameVectorsTest.fullFrame(0, hex("61626364")), drain(client.readOutbound()));
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void obfuscatedClientsSendTheInitThenEncryptedFrames() {
        // the init is drawn first (64 bytes), with bytes 00..3f; see Obfuscated2InitTest for the openssl vector
        EmbeddedChannel client = new EmbeddedChannel();
        ClientTransport.install(client.pipeline(), TransportKind.INTERMEDIATE, true, 2,
                FixedRandom.of(TestBuffers.pattern(64)));
        byte[] header = drain(client.readOutbound());
        assertArrayEquals(Obfuscated2Init.forClient(TransportKind.INTERMEDIATE, 2,
                FixedRandom.of(TestBuffers.pattern(64))).header(), header);
        client.writeOutbound(buffer("61626364"));
        byte[] frame = drain(client.readOutbound());
        assertEquals(8, frame.length);
        // the server's mirror of the init decrypts it
        Obfuscated2Init mirror = Obfuscated2Init.fromClient(header);
        mirror.decryptor().apply(frame);
        assertArrayEquals(hex("04000000 61626364"), frame);
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void theHeaderGoesOutWhenTheChannelBecomesActiveAndBeforeAnythingElse() throws Exception {
        EmbeddedChannel client = new EmbeddedChannel(false, false);
        ClientTransport.install(client.pipeline(), TransportKind.PADDED_INTERMEDIATE, false, 2,
                FixedRandom.ofHex("00"));
        client.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                ctx.writeAndFlush(buffer("61626364"));
                ctx.fireChannelActive();
            }
        });
        assertNotNull(client.pipeline().get(FrameCodecs.PROTOCOL_HEADER_WRITER));
        client.register();
        assertArrayEquals(hex("dddddddd"), drain(client.readOutbound()));
        assertArrayEquals(hex("04000000 61626364"), drain(client.readOutbound()));
        assertNull(client.pipeline().get(FrameCodecs.PROTOCOL_HEADER_WRITER));
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void pipelineNamesAreStable() {
        EmbeddedChannel client = new EmbeddedChannel();
        ClientTransport.install(client.pipeline(), TransportKind.ABRIDGED, true, 1, FixedRandom.seeded(3));
        assertEquals(List.of(FrameCodecs.OBFUSCATION_DECODER, FrameCodecs.OBFUSCATION_ENCODER,
                FrameCodecs.FRAME_DECODER, FrameCodecs.FRAME_ENCODER), client.pipeline().names().subList(0, 4));
        drain(client.readOutbound());
        assertFalse(client.finishAndReleaseAll());
    }

    private static void assertFirstBytes(TransportKind kind, String header, String frame) {
        EmbeddedChannel client = new EmbeddedChannel();
        ClientTransport.install(client.pipeline(), kind, false, 2, FixedRandom.seeded(1));
        client.writeOutbound(buffer("61626364"));
        assertArrayEquals(hex(header), drain(client.readOutbound()));
        assertArrayEquals(hex(frame), drain(client.readOutbound()));
        assertNull(client.readOutbound());
        assertFalse(client.finishAndReleaseAll());
    }
}
