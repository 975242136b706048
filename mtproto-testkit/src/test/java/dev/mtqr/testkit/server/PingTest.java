package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import dev.mtqr.tl.mtproto.Pong;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PingTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    @Test
    void answersPingWithPong() {
        long msgId = client.send(new Ping(42));
        Pong pong = CoreClient.only(client.receive(), Pong.class);
        assertEquals(msgId, pong.msgId());
        assertEquals(42, pong.pingId());
    }

    @Test
    void answersPingDelayDisconnectAndClosesAfterTheDelay() {
        long msgId = client.send(new PingDelayDisconnect(7, 75));
        Pong pong = CoreClient.only(client.receive(), Pong.class);
        assertEquals(msgId, pong.msgId());
        assertEquals(7, pong.pingId());
        assertEquals(Duration.ofSeconds(75), client.output.pending().get(0).delay);
        assertFalse(client.output.closed);

        client.output.runTasks();
        assertTrue(client.output.closed);
        assertFalse(client.connection.open());
        assertEquals(0, cluster.dc(1).connectionCount());
    }

    @Test
    void eachPingDelayDisconnectPostponesTheClose() {
        client.send(new PingDelayDisconnect(1, 75));
        client.send(new PingDelayDisconnect(2, 75));
        assertEquals(1, client.output.pending().size(), "the first timer is cancelled");
        client.send(new Ping(3));
        assertEquals(1, client.output.pending().size(), "a plain ping leaves the timer alone");
    }
}
