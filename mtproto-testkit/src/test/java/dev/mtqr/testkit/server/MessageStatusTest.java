package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** msgs_state_req and msg_resend_req (core.telegram.org/mtproto/service_messages_about_messages). */
class MessageStatusTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    @Test
    void reportsAnAnsweredQueryAsProcessedWithAnAnswerAndAnAckAsNeedingNone() {
        long query = client.send(new HelpGetNearestDc());
        long ping = client.send(new Ping(1));
        long ack = client.ids.next();
        client.send(ack, client.seqNos.next(false), new MsgsAck(List.of(1L)).toByteArray());
        client.receive();
        client.send(new MsgsStateReq(List.of(query, ping, ack)));
        MsgsStateInfo info = CoreClient.only(client.receive(), MsgsStateInfo.class);
        assertArrayEquals(new byte[] {4 + 8 + 32 + 64, 4 + 8, 4 + 16}, info.info());
    }

    @Test
    void answersAResendRequestWithAnUnknownIdWithTheStateOfEveryAskedId() {
        long request = client.send(new HelpGetNearestDc());
        long answer = CoreClient.answerTo(client.receive(), request).msgId();
        long unknown = 12_345L;
        long resend = client.send(new MsgResendReq(List.of(answer, unknown)));
        List<CoreClient.Received> received = client.receive();
        assertEquals(answer, CoreClient.answerTo(received, request).msgId(), "what is kept still goes out again");
        MsgsStateInfo info = CoreClient.only(received, MsgsStateInfo.class);
        assertEquals(resend, info.reqMsgId());
        assertEquals(2, info.info().length, "one byte per asked id");
        assertEquals(1, info.info()[1], "nothing is known of the unknown id");
    }

    @Test
    void answersAResendRequestForKeptMessagesWithThemAlone() {
        long request = client.send(new HelpGetNearestDc());
        long answer = CoreClient.answerTo(client.receive(), request).msgId();
        client.send(new MsgResendReq(List.of(answer)));
        List<CoreClient.Received> received = client.receive();
        assertEquals(answer, CoreClient.answerTo(received, request).msgId());
        assertFalse(CoreClient.any(received, MsgsStateInfo.class));
    }
}
