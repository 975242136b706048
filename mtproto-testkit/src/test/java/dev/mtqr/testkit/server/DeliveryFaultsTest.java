package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults of reliable delivery: lost requests, answers lost with their connection, doubled packets, silence. */
class DeliveryFaultsTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final ServerDc dc = cluster.dc(1);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    @Test
    void losesTheNextRequestUnreadAndClosesItsConnection() {
        dc.faults().dropNextRequest();
        client.send(new HelpGetNearestDc());
        assertTrue(client.output.closed);
        assertEquals(List.of(), client.output.transportErrors);
        assertEquals(List.of(), client.receive());
        assertEquals(0, dc.executions().size(), "the request never reached the server");
        assertEquals(List.of(), dc.sessions());
        assertEquals(0, dc.connectionCount());

        client.reconnect();
        long request = client.send(new HelpGetNearestDc());
        assertInstanceOf(NearestDc.class, client.result(client.receive(), request), "only the next one is lost");
    }

    @Test
    void strikesOnceForEachTimeItIsArmed() {
        dc.faults().dropNextRequest();
        dc.faults().dropNextRequest();
        client.send(new Ping(1));
        assertTrue(client.output.closed);
        client.reconnect();
        client.send(new Ping(2));
        assertTrue(client.output.closed);
        client.reconnect();
        long ping = client.send(new Ping(3));
        assertEquals(ping, CoreClient.only(client.receive(), Pong.class).msgId());
    }

    @Test
    void closesTheConnectionInsteadOfAnAnswerAndSendsItWhenTheSessionComesBack() {
        dc.faults().dropBeforeNextAnswer();
        InnerMessage request = client.message(new HelpGetNearestDc());
        client.send(request);
        assertTrue(client.output.closed);
        assertEquals(List.of(), client.receive());
        assertEquals(1, dc.executions().size(), "the request was executed");

        client.reconnect();
        client.sendContainer(List.of(request));
        List<CoreClient.Received> received = client.receive();
        assertEquals(1, CoreClient.all(received, RpcResult.class).size(), CoreClient.describe(received));
        assertInstanceOf(NearestDc.class, client.result(received, request.msgId()));
        assertEquals(1, dc.executions().size(), "and not executed again");
    }

    @Test
    void sendsTheNextPacketTwice() {
        dc.faults().duplicateNextPacket();
        int before = client.output.packets.size();
        client.send(new Ping(1));
        assertEquals(before + 2, client.output.packets.size());
        assertArrayEquals(client.output.packets.get(before), client.output.packets.get(before + 1));
        client.send(new Ping(2));
        assertEquals(before + 3, client.output.packets.size(), "only the next packet");
    }

    @Test
    void aSilentDcTakesNothingInAndSendsNothingUntilItSpeaksAgain() {
        client.send(new Ping(1));
        client.receive();
        dc.faults().silence(true);
        client.send(new Ping(2));
        dc.sessions().get(0).push(new UpdateShort(new UpdateLoginToken(), 1));
        client.output.runTasks();
        CoreClient newcomer = new CoreClient(dc, clock);
        ClientHandshake handshake = new ClientHandshake(ClientOptions.permanent(List.of(TestKeys.RSA.publicKey()),
                dc.id()), newcomer.random, clock);
        newcomer.connection.onPacket(new PlainMessage(newcomer.ids.next(), handshake.start().toByteArray()).encode());
        assertEquals(List.of(), client.receive());
        assertEquals(List.of(), newcomer.output.packets, "no key exchange either");
        assertTrue(client.connection.open() && newcomer.connection.open(), "connections stay open");
        assertFalse(client.output.closed);

        dc.faults().silence(false);
        long ping = client.send(new Ping(3));
        List<CoreClient.Received> received = client.receive();
        assertEquals(ping, CoreClient.only(received, Pong.class).msgId(), "what came during the silence was dropped");
    }
}
