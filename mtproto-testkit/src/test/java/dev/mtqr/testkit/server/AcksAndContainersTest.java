package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcksAndContainersTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    @Test
    void acknowledgesAContentRelatedMessage() {
        long request = client.send(new HelpGetNearestDc());
        assertEquals(List.of(request), CoreClient.only(client.receive(), MsgsAck.class).msgIds());
    }

    @Test
    void doesNotAcknowledgeAnAck() {
        client.send(new Ping(1));
        client.receive();
        client.send(client.ids.next(), client.seqNos.next(false), new MsgsAck(List.of(5L)).toByteArray());
        assertEquals(List.of(), client.receive());
    }

    @Test
    void answersEveryMessageOfAContainerAndAcknowledgesThemInOneAck() {
        long first = client.ids.next();
        long second = client.ids.next();
        long ack = client.ids.next();
        byte[] container = Bodies.packContainer(List.of(
                new InnerMessage(first, client.seqNos.next(true), new HelpGetNearestDc().toByteArray()),
                new InnerMessage(second, client.seqNos.next(true), new Ping(9).toByteArray()),
                new InnerMessage(ack, client.seqNos.next(false), new MsgsAck(List.of(1L)).toByteArray())));
        client.send(client.ids.next(), client.seqNos.next(false), container);
        List<CoreClient.Received> received = client.receive();
        assertEquals(first, CoreClient.only(received, RpcResult.class).reqMsgId());
        assertEquals(second, CoreClient.only(received, Pong.class).msgId());
        assertEquals(List.of(first, second), CoreClient.only(received, MsgsAck.class).msgIds());
        assertTrue(client.result(received, first) instanceof NearestDc);
    }

    @Test
    void sendsSeveralAnswersInOneContainerWithAFreshId() {
        client.send(new Ping(1));
        assertEquals(1, client.output.packets.size() - 3, "one packet after the three of the key exchange");
        byte[] packet = client.output.packets.get(3);
        var envelope = dev.mtqr.mtproto.session.Envelope.decrypt(client.key, packet,
                dev.mtqr.mtproto.crypto.MessageCrypto.SERVER);
        assertEquals(Bodies.MSG_CONTAINER, Bodies.constructorId(envelope.body()));
        assertEquals(0, envelope.seqNo() & 1, "a container is not content-related");
        List<InnerMessage> inner = Bodies.unpackContainer(envelope.body());
        assertTrue(inner.stream().allMatch(m -> m.msgId() < envelope.msgId()));
    }

    @Test
    void serverMsgIdsIncreaseAndHaveTheirParity() {
        client.send(new Ping(1));
        client.send(new HelpGetNearestDc());
        List<CoreClient.Received> received = client.receive();
        long last = 0;
        for (CoreClient.Received r : received) {
            assertTrue(r.msgId() > last, "increasing");
            last = r.msgId();
            boolean answer = r.object() instanceof Pong || r.object() instanceof RpcResult;
            assertEquals(answer ? 1 : 3, r.msgId() & 3, r.object().tlName());
        }
        assertFalse(received.isEmpty());
    }
}
