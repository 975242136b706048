package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.ClientStep;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.mtproto.session.MessageIdClock;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.mtproto.session.SeqNos;
import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.layer.BoxedResults;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.RpcResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted client for session-core tests: it makes a key with {@link ClientHandshake} through a
 * {@link ServerConnection}, then writes encrypted messages with whatever ids, seqnos and salts a test wants, and
 * reads back what the server sent, containers opened. {@link #reconnect} carries the same key and session on to a new
 * connection.
 */
final class CoreClient {
    /** One message the server sent, decoded. */
    record Received(long msgId, int seqNo, TlObject object, byte[] body) {
    }

    final ServerDc dc;
    RecordingOutput output = new RecordingOutput();
    ServerConnection connection;
    final RandomSource random = RandomSource.secure();
    final MessageIdClock ids;
    final SeqNos seqNos = new SeqNos();
    AuthKey key;
    long salt;
    long sessionId;
    ApiLayer layer = ApiLayer.LATEST;
    private int read;

    CoreClient(ServerDc dc, Clock clock) {
        this.dc = dc;
        this.connection = dc.connect(output);
        this.ids = MessageIdClock.client(clock);
        this.sessionId = new java.util.Random().nextLong();
    }

    /** A client of {@code dc} that has made its key. */
    static CoreClient withKey(ServerDc dc, Clock clock) {
        CoreClient client = new CoreClient(dc, clock);
        client.handshake(ClientOptions.permanent(List.of(TestKeys.RSA.publicKey()), dc.id()), clock);
        return client;
    }

    HandshakeResult handshake(ClientOptions options, Clock clock) {
        ClientHandshake handshake = new ClientHandshake(options, random, clock);
        ClientStep step = new ClientStep.Send(handshake.start());
        while (step instanceof ClientStep.Send send) {
            connection.onPacket(new PlainMessage(ids.next(), send.request().toByteArray()).encode());
            byte[] answer = output.packets.get(read++);
            PlainMessage plain = PlainMessage.decode(answer);
            step = handshake.onAnswer(TlReader.of(plain.body(), dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE)
                    .readObject());
        }
        HandshakeResult result = ((ClientStep.Done) step).result();
        key = result.authKey();
        salt = result.serverSalt();
        return result;
    }

    /**
     * Opens a new connection to the DC and sends from now on through it, with the same key, session, msg_id clock and
     * seqnos, as a client that lost its connection and comes back; the old connection is left as it is.
     */
    void reconnect() {
        output = new RecordingOutput();
        connection = dc.connect(output);
        read = 0;
    }

    /** A content-related message carrying {@code body}, with the next msg_id and seqno, for a container. */
    InnerMessage message(TlObject body) {
        return new InnerMessage(ids.next(), seqNos.next(true), body.toByteArray());
    }

    /** Sends {@code messages} in one msg_container with a new msg_id; returns the container's msg_id. */
    long sendContainer(List<InnerMessage> messages) {
        long containerId = ids.next();
        send(containerId, seqNos.next(false), Bodies.packContainer(messages));
        return containerId;
    }

    /** Acknowledges {@code msgIds} in a msgs_ack of its own. */
    void ack(Long... msgIds) {
        send(ids.next(), seqNos.next(false), new MsgsAck(List.of(msgIds)).toByteArray());
    }

    /** Sends {@code body} as a content-related message; returns its msg_id. */
    long send(TlObject body) {
        long msgId = ids.next();
        send(msgId, seqNos.next(true), body.toByteArray());
        return msgId;
    }

    /** Sends {@code message} alone, with its msg_id and seqno (again, if it was sent before). */
    void send(InnerMessage message) {
        send(message.msgId(), message.seqNo(), message.body());
    }

    void send(long msgId, int seqNo, byte[] body) {
        sendEnvelope(new Envelope(salt, sessionId, msgId, seqNo, body));
    }

    void sendEnvelope(Envelope envelope) {
        connection.onPacket(envelope.encrypt(key, MessageCrypto.CLIENT, random));
    }

    /** One packet the server sent: a msg_container or a lone message, and the messages in it. */
    record Packet(boolean container, List<Received> messages) {
    }

    /** Everything the server sent since the last call, containers opened (the containers themselves left out). */
    List<Received> receive() {
        List<Received> out = new ArrayList<>();
        for (Packet packet : receivePackets()) {
            out.addAll(packet.messages());
        }
        return out;
    }

    /** Everything the server sent since the last call, packet by packet. */
    List<Packet> receivePackets() {
        List<Packet> out = new ArrayList<>();
        while (read < output.packets.size()) {
            Envelope envelope = Envelope.decrypt(key, output.packets.get(read++), MessageCrypto.SERVER);
            assertEquals(sessionId, envelope.sessionId(), "session_id of a server message");
            InnerMessage outer = new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body());
            boolean container = outer.constructorId() == Bodies.MSG_CONTAINER;
            List<Received> messages = new ArrayList<>();
            for (InnerMessage message : container ? Bodies.unpackContainer(envelope.body()) : List.of(outer)) {
                messages.add(new Received(message.msgId(), message.seqNo(), decode(message.body()), message.body()));
            }
            out.add(new Packet(container, messages));
        }
        return out;
    }

    /** The one message of {@code type} among {@code received}. */
    static <T> T only(List<Received> received, Class<T> type) {
        List<T> matching = received.stream().map(Received::object).filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, matching.size(), "messages of type " + type.getSimpleName() + " in " + describe(received));
        return matching.get(0);
    }

    /** The message answering {@code reqMsgId} with an rpc_result among {@code received}. */
    static Received answerTo(List<Received> received, long reqMsgId) {
        return received.stream().filter(r -> r.object() instanceof RpcResult result
                && result.reqMsgId() == reqMsgId).findFirst()
                .orElseThrow(() -> new AssertionError("no rpc_result for " + reqMsgId + " in " + describe(received)));
    }

    /** The messages of {@code type} among {@code received}, in their order. */
    static List<Received> all(List<Received> received, Class<?> type) {
        return received.stream().filter(r -> type.isInstance(r.object())).toList();
    }

    /** Whether any of {@code received} is a {@code type}. */
    static boolean any(List<Received> received, Class<?> type) {
        return received.stream().anyMatch(r -> type.isInstance(r.object()));
    }

    /** The raw result of the rpc_result answering {@code reqMsgId} (gzip_packed opened). */
    static byte[] resultBytes(List<Received> received, long reqMsgId) {
        for (Received r : received) {
            if (r.object() instanceof RpcResult) {
                Bodies.RpcResultBody result = Bodies.unpackRpcResult(r.body());
                if (result.reqMsgId() == reqMsgId) {
                    return Bodies.inflateIfPacked(result.result());
                }
            }
        }
        throw new AssertionError("no rpc_result for " + reqMsgId + " in " + describe(received));
    }

    /** The result answering {@code reqMsgId}, decoded with the client's layer. */
    TlObject result(List<Received> received, long reqMsgId) {
        return TlReader.of(resultBytes(received, reqMsgId), registry()).readObject();
    }

    /** A Vector result answering {@code reqMsgId}, elements decoded with the client's layer. */
    List<TlObject> vectorResult(List<Received> received, long reqMsgId) {
        TlReader in = TlReader.of(resultBytes(received, reqMsgId), registry());
        assertEquals(BoxedResults.VECTOR, in.readInt(), "vector constructor");
        int count = in.readInt();
        List<TlObject> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(in.readObject());
        }
        assertTrue(in.remaining() == 0);
        return out;
    }

    private TlRegistry registry() {
        return TlRegistry.of(dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE, layer.registry());
    }

    private TlObject decode(byte[] body) {
        if (Bodies.constructorId(body) == Bodies.RPC_RESULT) {
            Bodies.RpcResultBody result = Bodies.unpackRpcResult(body);
            byte[] inner = Bodies.inflateIfPacked(result.result());
            TlObject object = Bodies.constructorId(inner) == BoxedResults.VECTOR ? new Raw(inner)
                    : TlReader.of(inner, registry()).readObject();
            return new RpcResult(result.reqMsgId(), object);
        }
        return TlReader.of(body, registry()).readObject();
    }

    /** A result that is not an object (a Vector), kept as bytes. */
    record Raw(byte[] bytes) implements TlObject {
        @Override
        public int constructorId() {
            return BoxedResults.VECTOR;
        }

        @Override
        public String tlName() {
            return "vector";
        }

        @Override
        public void writeBare(dev.mtqr.tl.TlWriter out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int bareSize() {
            return bytes.length - 4;
        }
    }

    static String describe(List<Received> received) {
        return received.stream().map(r -> r.object().tlName()).toList().toString();
    }
}
