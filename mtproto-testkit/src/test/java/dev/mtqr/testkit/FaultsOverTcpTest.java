package dev.mtqr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.Digests;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.transport.QuickAck;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import dev.mtqr.tl.mtproto.Pong;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakCheck.class)
class FaultsOverTcpTest {
    private final TestCluster cluster = SharedCluster.start(2);
    private final TcpClient client = TcpClient.connect(cluster.dc(1)).handshake(cluster.publicKey(), 1);

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void droppingADcClosesItsConnections() {
        TcpClient other = TcpClient.connect(cluster.dc(2));
        cluster.dc(1).dropConnections();
        assertEquals(TcpClient.CLOSED, client.next(Duration.ofSeconds(5)));
        assertTrue(other.isOpen(), "other DCs keep theirs");
        other.close();
    }

    @Test
    void aCorruptedFrameFailsTheClientsCheckAndTheNextOneDoesNot() {
        cluster.dc(1).corruptNextFrame();
        client.send(new Ping(1));
        byte[] corrupted = client.nextPacket();
        assertThrows(SecurityCheckException.class, () -> Envelope.decrypt(client.key, corrupted, MessageCrypto.SERVER));
        client.send(new Ping(2));
        assertEquals(2, client.await(Pong.class).pingId());
    }

    @Test
    void delayedAnswersArriveAfterTheDelay() {
        cluster.dc(1).delayAnswers(Duration.ofMillis(400));
        long start = System.nanoTime();
        client.send(new Ping(1));
        client.await(Pong.class);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos());
    }

    @Test
    void aRotatedSaltIsStillAcceptedForTheGracePeriod() {
        client.salt = cluster.dc(1).salt();
        cluster.dc(1).rotateSalt();
        long request = client.send(new HelpGetNearestDc());
        assertInstanceOf(NearestDc.class, client.result(request, dev.mtqr.tl.api.SchemaRegistry.INSTANCE));
    }

    @Test
    void aServerClockBehindRefusesTheClientsMsgIds() {
        cluster.skewClock(Duration.ofMinutes(-10));
        client.send(new Ping(1));
        assertEquals(17, client.await(BadMsgNotification.class).errorCode());
    }

    @Test
    void pingDelayDisconnectClosesTheConnectionAfterTheDelay() {
        client.send(new PingDelayDisconnect(5, 1));
        assertEquals(5, client.await(Pong.class).pingId());
        assertEquals(TcpClient.CLOSED, client.next(Duration.ofSeconds(5)));
    }

    @Test
    void anUnknownKeyGetsTransportErrorMinus404() {
        TcpClient stranger = TcpClient.connect(cluster.dc(2));
        stranger.key = client.key;
        stranger.write(stranger.encrypt(stranger.ids.next(), 1, new Ping(1).toByteArray()));
        TransportException error = assertInstanceOf(TransportException.class, stranger.next(Duration.ofSeconds(5)));
        assertEquals(-404, error.code());
        assertEquals(TcpClient.CLOSED, stranger.next(Duration.ofSeconds(5)));
        stranger.close();
    }

    @Test
    void anAnswerLostWithItsConnectionArrivesWhenTheSessionComesBack() {
        cluster.dc(1).dropBeforeNextAnswer();
        long request = client.send(new HelpGetNearestDc());
        assertEquals(TcpClient.CLOSED, client.next(Duration.ofSeconds(5)));
        try (TcpClient again = TcpClient.resume(cluster.dc(1), client)) {
            again.send(new Ping(1));
            assertInstanceOf(NearestDc.class, again.result(request, dev.mtqr.tl.api.SchemaRegistry.INSTANCE));
        }
        assertEquals(1, cluster.dc(1).executions().count(query -> query instanceof HelpGetNearestDc));
    }

    @Test
    void aPacketSentForQuickAckGetsItsToken() {
        byte[] packet = client.encrypt(client.ids.next(), client.seqNos.next(true), new Ping(1).toByteArray());
        client.writeWithQuickAck(packet);
        QuickAck ack = assertInstanceOf(QuickAck.class, client.next(Duration.ofSeconds(5)));
        byte[] plaintext = MessageCrypto.decrypt(client.key, packet, 0, packet.length, MessageCrypto.CLIENT);
        byte[] hash = Digests.sha256(Arrays.copyOfRange(client.key.bytes(), 88, 120), plaintext);
        int expected = (hash[0] & 0xFF) | (hash[1] & 0xFF) << 8 | (hash[2] & 0xFF) << 16 | (hash[3] & 0xFF) << 24;
        assertEquals(expected | 0x8000_0000, ack.token());
        client.await(Pong.class);
    }
}
