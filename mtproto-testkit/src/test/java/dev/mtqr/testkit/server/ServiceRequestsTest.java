package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.mtproto.FutureSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.GetFutureSalts;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.RpcAnswerUnknown;
import dev.mtqr.tl.mtproto.RpcDropAnswer;
import dev.mtqr.tl.mtproto.RpcResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** get_future_salts, msgs_state_req, msg_resend_req and rpc_drop_answer. */
class ServiceRequestsTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    @Test
    void futureSaltsStartWithTheCurrentOneAndFollowEachOther() {
        long msgId = client.send(new GetFutureSalts(3));
        FutureSalts salts = CoreClient.only(client.receive(), FutureSalts.class);
        assertEquals(msgId, salts.reqMsgId());
        assertEquals(clock.millis() / 1000, salts.now());
        assertEquals(3, salts.salts().size());
        assertEquals(cluster.dc(1).salts().current(), salts.salts().get(0).salt());
        for (int i = 1; i < 3; i++) {
            FutureSalt before = salts.salts().get(i - 1);
            assertEquals(before.validUntil(), salts.salts().get(i).validSince());
        }
    }

    @Test
    void futureSaltsAreCappedAt64() {
        client.send(new GetFutureSalts(1000));
        assertEquals(Salts.MAX_FUTURE, CoreClient.only(client.receive(), FutureSalts.class).salts().size());
    }

    @Test
    void msgsStateInfoSaysWhatWasReceived() {
        long tooLow = client.ids.next();
        long received = client.send(new Ping(1));
        long notReceived = client.ids.next();
        long after = client.send(new Ping(2));
        long tooHigh = client.ids.next() + 1_000_000;
        client.receive();
        long request = client.send(new MsgsStateReq(List.of(tooLow, received, notReceived, tooHigh, after)));
        MsgsStateInfo info = CoreClient.only(client.receive(), MsgsStateInfo.class);
        assertEquals(request, info.reqMsgId());
        assertArrayEquals(new byte[] {1, 4 + 8, 2, 3, 4 + 8}, info.info());
    }

    @Test
    void resendsAnAnswerUnchanged() {
        long request = client.send(new HelpGetNearestDc());
        CoreClient.Received answer = client.receive().stream().filter(r -> r.object() instanceof RpcResult)
                .findFirst().orElseThrow();
        client.send(new MsgResendReq(List.of(answer.msgId(), 12345L)));
        CoreClient.Received again = client.receive().stream().filter(r -> r.object() instanceof RpcResult)
                .findFirst().orElseThrow();
        assertEquals(answer.msgId(), again.msgId());
        assertEquals(answer.seqNo(), again.seqNo());
        assertArrayEquals(answer.body(), again.body());
        assertEquals(request, ((RpcResult) again.object()).reqMsgId());
    }

    @Test
    void rpcDropAnswerFindsNothingToDrop() {
        long msgId = client.send(new RpcDropAnswer(1));
        assertTrue(client.result(client.receive(), msgId) instanceof RpcAnswerUnknown);
    }
}
