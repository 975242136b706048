package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheckHook;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * For every transport and side: decode(encode(x)) == x, and encode(decode(b)) == b for the deterministic framings;
 * and whole connections deliver any sequence of payloads however the byte stream is cut.
 */
@AddLifecycleHook(NettyLeakCheckHook.class)
class FramePropertiesTest {
    private static final int LIMIT = 1 << 16;

    @Property(tries = 300)
    void decodeInvertsEncode(@ForAll TransportKind kind, @ForAll TransportSide sender, @ForAll long seed,
            @ForAll("payloadLists") List<byte[]> payloads) {
        List<byte[]> sent = aligned(kind, payloads);
        EmbeddedChannel encoder = new EmbeddedChannel(
                FrameCodecs.encoder(kind, sender, LIMIT, FixedRandom.seeded(seed)));
        EmbeddedChannel decoder = new EmbeddedChannel(FrameCodecs.decoder(kind, other(sender), LIMIT));
        for (byte[] payload : sent) {
            encoder.writeOutbound(buffer(payload));
        }
        for (ByteBuf frame; (frame = encoder.readOutbound()) != null; ) {
            decoder.writeInbound(frame);
        }
        for (byte[] payload : sent) {
            byte[] received = drain(assertInstanceOf(ByteBuf.class, decoder.readInbound()));
            if (kind == TransportKind.PADDED_INTERMEDIATE) {
                assertTrue(received.length - payload.length < 16);
                received = Arrays.copyOf(received, payload.length);
            }
            assertArrayEquals(payload, received);
        }
        assertNull(decoder.readInbound());
        assertFalse(encoder.finishAndReleaseAll());
        assertFalse(decoder.finishAndReleaseAll());
    }

    @Property(tries = 300)
    void encodeInvertsDecode(@ForAll("deterministic") TransportKind kind, @ForAll TransportSide sender,
            @ForAll("payloadLists") List<byte[]> payloads) {
        // frames made by a reference encoder, decoded, encoded again: the same bytes
        EmbeddedChannel reference = new EmbeddedChannel(
                FrameCodecs.encoder(kind, sender, LIMIT, FixedRandom.seeded(0)));
        for (byte[] payload : aligned(kind, payloads)) {
            reference.writeOutbound(buffer(payload));
        }
        List<byte[]> frames = new ArrayList<>();
        for (ByteBuf frame; (frame = reference.readOutbound()) != null; ) {
            frames.add(drain(frame));
        }
        EmbeddedChannel decoder = new EmbeddedChannel(FrameCodecs.decoder(kind, other(sender), LIMIT));
        EmbeddedChannel encoder = new EmbeddedChannel(FrameCodecs.encoder(kind, sender, LIMIT, FixedRandom.seeded(0)));
        for (byte[] frame : frames) {
            decoder.writeInbound(buffer(frame));
            encoder.writeOutbound(decoder.<Object>readInbound());
            assertArrayEquals(frame, drain(encoder.readOutbound()));
        }
        assertFalse(reference.finishAndReleaseAll());
        assertFalse(decoder.finishAndReleaseAll());
        assertFalse(encoder.finishAndReleaseAll());
    }

    @Property(tries = 150)
    void connectionsSurviveAnyCutOfTheStream(@ForAll TransportKind kind, @ForAll boolean obfuscated,
            @ForAll long seed, @ForAll("payloadLists") List<byte[]> payloads,
            @ForAll("cuts") List<Integer> cuts) {
        boolean obfuscate = obfuscated && kind.supportsObfuscation();
        // MTProto packets are multiples of 4 bytes, so a full frame's length byte is never 0xef: the detector
        // relies on that to tell a first full frame from the abridged tag.
        List<byte[]> sent = kind == TransportKind.FULL ? alignedToFour(payloads) : aligned(kind, payloads);
        try (Connection connection = new Connection(kind, obfuscate, 3, seed, LIMIT)) {
            for (byte[] payload : sent) {
                connection.client.writeOutbound(buffer(payload));
            }
            cutAndFeed(connection.client, connection.server, cuts);
            assertPayloads(kind, sent, connection.server);
            for (byte[] payload : sent) {
                connection.server.writeOutbound(buffer(payload));
            }
            cutAndFeed(connection.server, connection.client, cuts);
            assertPayloads(kind, sent, connection.client);
            assertTrue(connection.clientRecorder.exceptions.isEmpty());
            assertTrue(connection.serverRecorder.exceptions.isEmpty());
        }
    }

    /**
     * MTProto packets have 24 bytes at least (auth_key_id, msg_id, length and a constructor), which keeps them apart
     * from the 4-byte transport errors and the short quick-ack packets a client decoder also recognises.
     */
    @Provide
    Arbitrary<List<byte[]>> payloadLists() {
        Arbitrary<byte[]> payload = Arbitraries.integers().between(24, 2000)
                .flatMap(size -> Arbitraries.bytes().array(byte[].class).ofSize(size));
        return payload.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<TransportKind> deterministic() {
        return Arbitraries.of(TransportKind.ABRIDGED, TransportKind.INTERMEDIATE, TransportKind.FULL);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Payloads as the transport can carry them: whole words for abridged and intermediate. */
    private static List<byte[]> aligned(TransportKind kind, List<byte[]> payloads) {
        if (kind != TransportKind.ABRIDGED && kind != TransportKind.INTERMEDIATE) {
            return payloads;
        }
        return alignedToFour(payloads);
    }

    private static List<byte[]> alignedToFour(List<byte[]> payloads) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] payload : payloads) {
            out.add(Arrays.copyOf(payload, (payload.length + 3) / 4 * 4));
        }
        return out;
    }

    private static TransportSide other(TransportSide side) {
        return side == TransportSide.CLIENT ? TransportSide.SERVER : TransportSide.CLIENT;
    }

    /** Joins everything {@code from} wrote and feeds it to {@code to} in pieces of the given sizes, cycling. */
    private static void cutAndFeed(EmbeddedChannel from, EmbeddedChannel to, List<Integer> cuts) {
        ByteBuf all = PooledByteBufAllocator.DEFAULT.heapBuffer();
        for (ByteBuf chunk; (chunk = from.readOutbound()) != null; ) {
            all.writeBytes(chunk);
            chunk.release();
        }
        for (int i = 0; all.isReadable(); i++) {
            int size = Math.min(cuts.get(i % cuts.size()), all.readableBytes());
            Connection.feed(to, all.readRetainedSlice(size));
        }
        all.release();
    }

    private static void assertPayloads(TransportKind kind, List<byte[]> sent, EmbeddedChannel receiver) {
        for (byte[] payload : sent) {
            byte[] received = drain(assertInstanceOf(ByteBuf.class, receiver.readInbound()));
            if (kind == TransportKind.PADDED_INTERMEDIATE) {
                received = Arrays.copyOf(received, payload.length);
            }
            assertArrayEquals(payload, received);
        }
        assertNull(receiver.readInbound());
    }
}
