package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad_msg_notification code of core.telegram.org/mtproto/service_messages_about_messages. */
class BadMsgNotificationTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(1, clock, ServerSettings.defaults().withReceivedWindow(4));
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);
    private final byte[] ping = new Ping(7).toByteArray();

    private BadMsgNotification refusal(long msgId, int seqNo, byte[] body) {
        client.send(msgId, seqNo, body);
        List<CoreClient.Received> received = client.receive();
        BadMsgNotification notification = CoreClient.only(received, BadMsgNotification.class);
        assertFalse(CoreClient.any(received, Pong.class), "a refused message is not handled");
        return notification;
    }

    private long idAt(Duration fromNow) {
        return ((clock.millis() + fromNow.toMillis()) / 1000) << 32;
    }

    @Test
    void code18ForAMsgIdNotDivisibleByFour() {
        long msgId = client.ids.next() + 1;
        BadMsgNotification notification = refusal(msgId, 1, ping);
        assertEquals(BadMsgCodes.MSG_ID_PARITY, notification.errorCode());
        assertEquals(msgId, notification.badMsgId());
        assertEquals(1, notification.badMsgSeqno());
    }

    @Test
    void code16ForAMsgIdMoreThan300SecondsOld() {
        assertEquals(BadMsgCodes.MSG_ID_TOO_LOW, refusal(idAt(Duration.ofSeconds(-301)), 1, ping).errorCode());
    }

    @Test
    void code17ForAMsgIdMoreThan30SecondsAhead() {
        assertEquals(BadMsgCodes.MSG_ID_TOO_HIGH, refusal(idAt(Duration.ofSeconds(31)), 1, ping).errorCode());
    }

    @Test
    void acceptsMsgIdsJustInsideTheWindow() {
        client.send(idAt(Duration.ofSeconds(-299)), 1, ping);
        client.send(idAt(Duration.ofSeconds(29)), 3, ping);
        assertEquals(2, client.receive().stream().filter(r -> r.object() instanceof Pong).count());
    }

    @Test
    void code19ForAContainerWhoseMsgIdWasReceived() {
        long reused = client.send(new Ping(1));
        client.receive();
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(client.ids.next(), 3, ping)));
        assertEquals(BadMsgCodes.CONTAINER_ID_REUSED, refusal(reused, 4, container).errorCode());
    }

    @Test
    void acknowledgesADuplicateMessageAgainWithoutHandlingIt() {
        long msgId = client.send(new Ping(1));
        client.receive();
        client.send(msgId, 1, ping);
        List<CoreClient.Received> received = client.receive();
        assertEquals(List.of(msgId), CoreClient.only(received, MsgsAck.class).msgIds());
        assertEquals(1, received.size(), "no second pong: " + CoreClient.describe(received));
    }

    @Test
    void code20ForAMsgIdBelowEveryRememberedOne() {
        long old = client.ids.next();
        for (int i = 0; i < 5; i++) {
            client.send(new Ping(i));
        }
        client.receive();
        assertEquals(BadMsgCodes.MSG_TOO_OLD, refusal(old, 11, ping).errorCode());
    }

    @Test
    void code32ForASeqnoLowerThanAnEarlierMessages() {
        client.send(client.ids.next(), 5, ping);
        client.receive();
        assertEquals(BadMsgCodes.SEQNO_TOO_LOW, refusal(client.ids.next(), 3, ping).errorCode());
    }

    @Test
    void code32ForAnOddSeqnoEqualToAnEarlierMessages() {
        client.send(client.ids.next(), 5, ping);
        client.receive();
        assertEquals(BadMsgCodes.SEQNO_TOO_LOW, refusal(client.ids.next(), 5, ping).errorCode());
    }

    @Test
    void code33ForASeqnoHigherThanALaterMessages() {
        long earlier = client.ids.next();
        client.send(client.ids.next(), 3, ping);
        client.receive();
        assertEquals(BadMsgCodes.SEQNO_TOO_HIGH, refusal(earlier, 5, ping).errorCode());
    }

    @Test
    void code34ForAnAckWithAnOddSeqno() {
        byte[] ack = new MsgsAck(List.of(1L)).toByteArray();
        assertEquals(BadMsgCodes.SEQNO_EXPECTED_EVEN, refusal(client.ids.next(), 1, ack).errorCode());
    }

    @Test
    void code34ForAContainerWithAnOddSeqno() {
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(client.ids.next(), 1, ping)));
        assertEquals(BadMsgCodes.SEQNO_EXPECTED_EVEN, refusal(client.ids.next(), 3, container).errorCode());
    }

    @Test
    void code35ForARequestWithAnEvenSeqno() {
        assertEquals(BadMsgCodes.SEQNO_EXPECTED_ODD, refusal(client.ids.next(), 2, ping).errorCode());
    }

    @Test
    void code64ForAContainerInsideAContainer() {
        byte[] inner = Bodies.packContainer(List.of(new InnerMessage(client.ids.next(), 1, ping)));
        byte[] outer = Bodies.packContainer(List.of(new InnerMessage(client.ids.next(), 2, inner)));
        assertEquals(BadMsgCodes.INVALID_CONTAINER, refusal(client.ids.next(), 2, outer).errorCode());
    }

    @Test
    void refusesOnlyTheBadMessageOfAContainer() {
        long good = client.ids.next();
        long bad = client.ids.next() + 2;
        byte[] request = new HelpGetNearestDc().toByteArray();
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(good, 1, request),
                new InnerMessage(bad, 3, ping)));
        client.send(client.ids.next(), 4, container);
        List<CoreClient.Received> received = client.receive();
        BadMsgNotification notification = CoreClient.only(received, BadMsgNotification.class);
        assertEquals(bad, notification.badMsgId());
        assertEquals(BadMsgCodes.MSG_ID_PARITY, notification.errorCode());
        assertEquals(good, CoreClient.only(received, RpcResult.class).reqMsgId());
    }

    @Test
    void notificationsAreAnswersThatNeedNoAck() {
        client.send(client.ids.next() + 1, 1, ping);
        CoreClient.Received received = client.receive().stream()
                .filter(r -> r.object() instanceof BadMsgNotification).findFirst().orElseThrow();
        assertEquals(1, received.msgId() & 3, "answers are 1 mod 4");
        assertEquals(0, received.seqNo() & 1, "not content-related");
    }
}
