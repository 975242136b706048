package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session keeps what the client has not acknowledged and sends it again when the client comes back. */
class RedeliveryTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final ServerDc dc = cluster.dc(1);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    @Test
    void resendsUnacknowledgedAnswersWhenTheSessionComesBackOnANewConnection() {
        long request = client.send(new HelpGetNearestDc());
        List<CoreClient.Received> sent = new ArrayList<>(client.receive());
        dc.sessions().get(0).push(new UpdateShort(new UpdateLoginToken(), 1));
        client.output.runTasks();
        sent.addAll(client.receive());
        List<CoreClient.Received> unacknowledged = sent.stream().filter(r -> (r.seqNo() & 1) == 1).toList();
        assertEquals(List.of("new_session_created", "rpc_result", "updateShort"),
                unacknowledged.stream().map(r -> r.object().tlName()).toList());
        assertEquals(request, ((RpcResult) unacknowledged.get(1).object()).reqMsgId());

        client.reconnect();
        long ping = client.send(new Ping(2));
        List<CoreClient.Received> again = client.receive();
        for (int i = 0; i < unacknowledged.size(); i++) {
            CoreClient.Received before = unacknowledged.get(i);
            CoreClient.Received now = again.get(i);
            assertEquals(before.msgId(), now.msgId(), "the same msg_id, in msg_id order");
            assertEquals(before.seqNo(), now.seqNo(), "the same seqno");
            assertArrayEquals(before.body(), now.body(), "the same body");
        }
        List<CoreClient.Received> produced = again.subList(unacknowledged.size(), again.size());
        assertEquals(ping, CoreClient.only(produced, Pong.class).msgId(), "then what the new packet produced");
    }

    @Test
    void sendsNothingAgainWhileTheSessionStaysOnItsConnection() {
        client.send(new HelpGetNearestDc());
        client.receive();
        client.send(new Ping(2));
        List<CoreClient.Received> received = client.receive();
        assertFalse(CoreClient.any(received, RpcResult.class), CoreClient.describe(received));
        assertFalse(CoreClient.any(received, NewSessionCreated.class), CoreClient.describe(received));
    }

    @Test
    void forgetsAnAnswerOnceAcknowledged() {
        long request = client.send(new HelpGetNearestDc());
        List<CoreClient.Received> received = client.receive();
        long answer = CoreClient.answerTo(received, request).msgId();
        long created = CoreClient.all(received, NewSessionCreated.class).get(0).msgId();
        client.ack(answer, created);

        client.reconnect();
        client.send(new Ping(2));
        List<CoreClient.Received> afterReconnect = client.receive();
        assertFalse(CoreClient.any(afterReconnect, RpcResult.class), CoreClient.describe(afterReconnect));
        assertFalse(CoreClient.any(afterReconnect, NewSessionCreated.class), CoreClient.describe(afterReconnect));

        client.send(new MsgResendReq(List.of(answer)));
        List<CoreClient.Received> asked = client.receive();
        assertFalse(CoreClient.any(asked, RpcResult.class), "an acknowledged answer is not kept");
        CoreClient.only(asked, MsgsStateInfo.class);
    }

    @Test
    void keepsOnlyTheNewestUnacknowledgedMessagesWithinItsLog() {
        ServerCluster small = CoreClusters.create(1, clock, ServerSettings.defaults().withSentLog(2));
        CoreClient forgetful = CoreClient.withKey(small.dc(1), clock);
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long request = forgetful.send(new HelpGetNearestDc());
            answers.add(CoreClient.answerTo(forgetful.receive(), request).msgId());
        }
        forgetful.reconnect();
        forgetful.send(new Ping(4));
        List<CoreClient.Received> again = forgetful.receive();
        assertEquals(answers.subList(1, 3), CoreClient.all(again, RpcResult.class).stream()
                .map(CoreClient.Received::msgId).toList());
        assertFalse(CoreClient.any(again, NewSessionCreated.class), "the oldest was dropped");
    }

    @Test
    void sendsAMessageAgainInAContainerEvenWhenItGoesAlone() {
        long request = client.send(new HelpGetNearestDc());
        List<CoreClient.Received> received = client.receive();
        long answer = CoreClient.answerTo(received, request).msgId();
        long created = CoreClient.all(received, NewSessionCreated.class).get(0).msgId();
        client.ack(created);

        client.reconnect();
        client.ack(created);
        List<CoreClient.Packet> packets = client.receivePackets();
        assertEquals(1, packets.size());
        assertTrue(packets.get(0).container(), "not re-sent on its own with the same msg_id");
        assertEquals(List.of(answer), packets.get(0).messages().stream().map(CoreClient.Received::msgId).toList());
    }
}
