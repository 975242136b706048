package dev.mtqr.mtproto.transport;

import static dev.mtqr.mtproto.transport.TestBuffers.buffer;
import static dev.mtqr.mtproto.transport.TestBuffers.drain;
import static dev.mtqr.mtproto.transport.TestBuffers.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.transport.Connection.Delivery;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client pipelines from {@link ClientTransport} talking to server pipelines set up by {@link TransportDetector}, for
 * every transport plain and obfuscated, with the bytes delivered as written, one at a time, and all in one buffer.
 */
@ExtendWith(NettyLeakCheck.class)
class TransportRoundTripTest {
    /** Around the abridged one-byte/four-byte boundary (126 and 127 words), and bigger than a socket read. */
    private static final int[] SIZES = {4, 8, 24, 504, 508, 1024, 70_000};
    /** Byte by byte under paranoid leak tracking is slow: the same boundaries, without the big one. */
    private static final int[] SMALL_SIZES = {4, 8, 24, 504, 508, 1024};

    static Stream<Arguments> transports() {
        List<Arguments> all = new ArrayList<>();
        for (TransportKind kind : TransportKind.values()) {
            for (Delivery delivery : Delivery.values()) {
                all.add(Arguments.of(kind, false, delivery));
                if (kind.supportsObfuscation()) {
                    all.add(Arguments.of(kind, true, delivery));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} obfuscated={1} {2}")
    @MethodSource("transports")
    void payloadsTravelBothWays(TransportKind kind, boolean obfuscated, Delivery delivery) {
        int[] sizes = delivery == Delivery.BYTE_BY_BYTE ? SMALL_SIZES : SIZES;
        try (Connection connection = new Connection(kind, obfuscated)) {
            for (int size : sizes) {
                connection.client.writeOutbound(buffer(pattern(size)));
            }
            connection.clientToServer(delivery);
            for (int size : sizes) {
                assertArrayEquals(pattern(size), payload(kind, connection.server.readInbound(), size));
            }
            assertNull(connection.server.readInbound());

            for (int size : sizes) {
                connection.server.writeOutbound(buffer(pattern(size)));
            }
            connection.serverToClient(delivery);
            for (int size : sizes) {
                assertArrayEquals(pattern(size), payload(kind, connection.client.readInbound(), size));
            }
            assertNull(connection.client.readInbound());
            assertTrue(connection.clientRecorder.exceptions.isEmpty(), connection.clientRecorder.exceptions::toString);
            assertTrue(connection.serverRecorder.exceptions.isEmpty(), connection.serverRecorder.exceptions::toString);
        }
    }

    @ParameterizedTest(name = "{0} obfuscated={1} {2}")
    @MethodSource("transports")
    void serverLearnsTheTransportBeforeTheFirstPayload(TransportKind kind, boolean obfuscated, Delivery delivery) {
        try (Connection connection = new Connection(kind, obfuscated, -4, 7, FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH)) {
            connection.sendFromClient(buffer(pattern(32)), delivery);
            DetectedTransport expected = new DetectedTransport(kind, obfuscated, obfuscated ? -4 : 0);
            assertEquals(expected, connection.server.attr(DetectedTransport.ATTRIBUTE).get());
            assertEquals(List.of(expected), connection.serverRecorder.events);
            assertArrayEquals(pattern(32), payload(kind, connection.server.readInbound(), 32));
            assertNull(connection.server.pipeline().get(TransportDetector.class));
            assertEquals(obfuscated, connection.server.pipeline().get(FrameCodecs.OBFUSCATION_DECODER) != null);
        }
    }

    /** The transports with quick acks: all but full, whose refusal FrameEncoderRulesTest covers. */
    static Stream<Arguments> quickAckTransports() {
        return transports().filter(arguments -> ((TransportKind) arguments.get()[0]).supportsQuickAck());
    }

    @ParameterizedTest(name = "{0} obfuscated={1} {2}")
    @MethodSource("quickAckTransports")
    void quickAcksTravelWhereTheTransportHasThem(TransportKind kind, boolean obfuscated, Delivery delivery) {
        try (Connection connection = new Connection(kind, obfuscated)) {
            connection.sendFromClient(new QuickAckRequest(buffer(pattern(64))), delivery);
            Object received = connection.server.readInbound();
            QuickAckRequest request = assertInstanceOf(QuickAckRequest.class, received);
            assertArrayEquals(pattern(64), payload(kind, request.content().retain(), 64));
            request.release();

            connection.sendFromServer(new QuickAck(0x80000000 | 0x1234567), delivery);
            connection.server.writeOutbound(buffer(pattern(24)));
            connection.sendFromServer(new QuickAck(-2), delivery);
            assertEquals(new QuickAck(0x81234567), connection.client.readInbound());
            assertArrayEquals(pattern(24), payload(kind, connection.client.readInbound(), 24));
            assertEquals(new QuickAck(-2), connection.client.readInbound());
            assertNull(connection.client.readInbound());
        }
    }

    @ParameterizedTest(name = "{0} obfuscated={1} {2}")
    @MethodSource("transports")
    void transportErrorsReachTheClientAsExceptions(TransportKind kind, boolean obfuscated, Delivery delivery) {
        try (Connection connection = new Connection(kind, obfuscated)) {
            connection.sendFromClient(buffer(pattern(24)), delivery);
            payload(kind, connection.server.readInbound(), 24);
            for (TransportError error : List.of(TransportError.AUTH_KEY_NOT_FOUND, TransportError.TRANSPORT_FLOOD,
                    TransportError.INVALID_DC, new TransportError(-500))) {
                connection.sendFromServer(error, delivery);
            }
            List<TransportException.Kind> kinds = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            for (Throwable e : connection.clientRecorder.exceptions) {
                kinds.add(assertInstanceOf(TransportException.class, e).kind());
                codes.add(((TransportException) e).code());
            }
            assertEquals(List.of(TransportException.Kind.AUTH_KEY_NOT_FOUND, TransportException.Kind.TRANSPORT_FLOOD,
                    TransportException.Kind.INVALID_DC, TransportException.Kind.SERVER_ERROR), kinds);
            assertEquals(List.of(-404, -429, -444, -500), codes);
            assertNull(connection.client.readInbound());
            assertTrue(connection.client.isOpen(), "a transport error leaves the decision to close to the client");

            TransportError.AUTH_KEY_NOT_FOUND.writeAndClose(connection.server);
            connection.serverToClient(delivery);
            assertFalse(connection.server.isOpen());
            assertEquals(5, connection.clientRecorder.exceptions.size());
        }
    }

    /**
     * The payload's bytes, released. Padded intermediate adds up to 15 bytes the MTProto layer trims; here the
     * first {@code size} bytes must be the payload.
     */
    private static byte[] payload(TransportKind kind, Object message, int size) {
        ByteBuf buf = assertInstanceOf(ByteBuf.class, message);
        byte[] bytes = drain(buf);
        if (kind == TransportKind.PADDED_INTERMEDIATE) {
            assertTrue(bytes.length >= size && bytes.length < size + 16, () -> "padded length " + bytes.length);
            return Arrays.copyOf(bytes, size);
        }
        return bytes;
    }
}
