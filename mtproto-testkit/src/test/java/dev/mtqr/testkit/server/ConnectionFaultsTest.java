package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The faults a test injects, and the -404 a connection gets for keys and messages the DC refuses. */
class ConnectionFaultsTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final ServerDc dc = cluster.dc(1);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    @Test
    void anUnknownAuthKeyGetsMinus404AndTheConnectionCloses() {
        dc.keys().forget(client.key.id());
        client.send(new Ping(1));
        assertEquals(java.util.List.of(-404), client.output.transportErrors);
        assertTrue(client.output.closed);
        assertEquals(0, dc.connectionCount());
    }

    @Test
    void aKeyOfAnotherDcIsUnknownHere() {
        CoreClient other = new CoreClient(cluster.dc(2), clock);
        other.key = client.key;
        other.send(new Ping(1));
        assertEquals(java.util.List.of(-404), other.output.transportErrors);
    }

    @Test
    void aMessageWithABadMsgKeyGetsMinus404() {
        byte[] packet = new Envelope(client.salt, client.sessionId, client.ids.next(), 1, new Ping(1).toByteArray())
                .encrypt(client.key, MessageCrypto.CLIENT, client.random);
        packet[10] ^= 1;
        client.connection.onPacket(packet);
        assertEquals(java.util.List.of(-404), client.output.transportErrors);
    }

    @Test
    void corruptsTheNextFrameOnly() {
        dc.faults().corruptNextFrame();
        client.send(new Ping(1));
        byte[] corrupted = client.output.packets.remove(client.output.packets.size() - 1);
        assertThrows(SecurityCheckException.class, () -> Envelope.decrypt(client.key, corrupted, MessageCrypto.SERVER));
        client.send(new Ping(2));
        assertTrue(CoreClient.any(client.receive(), Pong.class));
    }

    @Test
    void holdsAnswersForTheDelay() {
        dc.faults().delayAnswers(Duration.ofMillis(300));
        client.send(new Ping(1));
        assertEquals(java.util.List.of(), client.receive());
        assertEquals(Duration.ofMillis(300), client.output.pending().get(0).delay);
        client.output.runTasks();
        assertTrue(CoreClient.any(client.receive(), Pong.class));
        dc.faults().delayAnswers(Duration.ZERO);
        client.send(new Ping(2));
        assertTrue(CoreClient.any(client.receive(), Pong.class));
    }

    @Test
    void dropsEveryConnectionOfTheDcButKeepsKeysAndSessions() {
        CoreClient second = CoreClient.withKey(dc, clock);
        client.send(new Ping(1));
        dc.dropConnections();
        assertTrue(client.output.closed);
        assertTrue(second.output.closed);
        assertEquals(0, dc.connectionCount());
        assertTrue(dc.keys().find(client.key.id()).isPresent());
        assertEquals(1, dc.sessions().size());
    }

    @Test
    void aSkewedServerClockRefusesTheClientsTime() {
        SkewedCluster skewed = new SkewedCluster();
        skewed.clock.skew(Duration.ofSeconds(-400));
        skewed.client.send(new Ping(1));
        assertEquals(BadMsgCodes.MSG_ID_TOO_HIGH,
                CoreClient.only(skewed.client.receive(), dev.mtqr.tl.mtproto.BadMsgNotification.class).errorCode());
    }

    /** A cluster whose clock a test skews while its client's clock stays. */
    private final class SkewedCluster {
        final dev.mtqr.testkit.SkewableClock clock = new dev.mtqr.testkit.SkewableClock(ConnectionFaultsTest.this.clock);
        final ServerCluster cluster = CoreClusters.create(1, clock, ServerSettings.defaults());
        final CoreClient client = new CoreClient(cluster.dc(1), ConnectionFaultsTest.this.clock);

        SkewedCluster() {
            client.handshake(dev.mtqr.mtproto.handshake.ClientOptions.permanent(
                    java.util.List.of(TestKeys.RSA.publicKey()), 1), ConnectionFaultsTest.this.clock);
        }
    }
}
