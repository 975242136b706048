package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.RpcResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request sent again under its original msg_id is answered from what the session remembers, never run twice. */
class RepeatedRequestTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final ServerDc dc = cluster.dc(1);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    @Test
    void answersARequestResentUnderItsOriginalIdFromWhatItKeptWithoutExecutingItAgain() {
        InnerMessage request = client.message(new HelpGetNearestDc());
        client.sendContainer(List.of(request));
        CoreClient.Received answer = CoreClient.answerTo(client.receive(), request.msgId());

        client.sendContainer(List.of(request));
        List<CoreClient.Received> again = client.receive();
        assertEquals(List.of(request.msgId()), CoreClient.only(again, MsgsAck.class).msgIds(), "acknowledged again");
        CoreClient.Received repeated = CoreClient.answerTo(again, request.msgId());
        assertEquals(answer.msgId(), repeated.msgId());
        assertEquals(answer.seqNo(), repeated.seqNo());
        assertArrayEquals(answer.body(), repeated.body());
        assertEquals(1, dc.executions().size());
    }

    @Test
    void namesAnAnswerNoLongerKeptInMsgDetailedInfoWithoutExecutingAgain() {
        InnerMessage request = client.message(new HelpGetNearestDc());
        client.send(request);
        CoreClient.Received answer = CoreClient.answerTo(client.receive(), request.msgId());
        client.ack(answer.msgId());

        client.send(request);
        List<CoreClient.Received> again = client.receive();
        assertEquals(new MsgDetailedInfo(request.msgId(), answer.msgId(), answer.body().length, 0),
                CoreClient.only(again, MsgDetailedInfo.class));
        assertFalse(CoreClient.any(again, RpcResult.class));
        assertEquals(List.of(request.msgId()), CoreClient.only(again, MsgsAck.class).msgIds());
        assertEquals(1, dc.executions().size());
    }

    @Test
    void answersARequestRepeatedInOneContainerOnce() {
        InnerMessage request = client.message(new HelpGetNearestDc());
        client.sendContainer(List.of(request, request));
        List<CoreClient.Received> received = client.receive();
        assertEquals(1, CoreClient.all(received, RpcResult.class).size(), CoreClient.describe(received));
        assertFalse(CoreClient.any(received, MsgDetailedInfo.class), "the answer is still kept");
        assertEquals(1, dc.executions().size());
    }

    @Test
    void answersARequestResentOnANewConnectionOnce() {
        InnerMessage request = client.message(new HelpGetNearestDc());
        client.send(request);
        client.receive();

        client.reconnect();
        client.sendContainer(List.of(request));
        List<CoreClient.Received> again = client.receive();
        assertEquals(1, CoreClient.all(again, RpcResult.class).size(), CoreClient.describe(again));
        assertInstanceOf(NearestDc.class, client.result(again, request.msgId()));
        assertEquals(1, dc.executions().size());
    }
}
