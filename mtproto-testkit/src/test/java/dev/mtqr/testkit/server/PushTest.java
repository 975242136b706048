package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.mtproto.Ping;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Handlers keep a session's handle and push updates to it from another session, even on another DC. */
class PushTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);

    @Test
    void aHandlerOnOneDcPushesAnUpdateToASessionOnAnother() {
        AtomicReference<SessionHandle> exporter = new AtomicReference<>();
        cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> {
            if (context.dcId() == 1) {
                exporter.set(context.session());
            } else {
                exporter.get().push(new UpdateShort(new UpdateLoginToken(), context.unixTime()));
            }
            return new NearestDc("ZZ", context.dcId(), context.dcId());
        });
        CoreClient waiting = CoreClient.withKey(cluster.dc(1), clock);
        CoreClient accepting = CoreClient.withKey(cluster.dc(2), clock);
        waiting.send(new HelpGetNearestDc());
        waiting.receive();
        assertTrue(exporter.get().connected());
        assertEquals(1, exporter.get().dcId());
        assertEquals(waiting.sessionId, exporter.get().sessionId());

        accepting.send(new HelpGetNearestDc());
        assertFalse(CoreClient.any(waiting.receive(), UpdateShort.class), "the push goes out on the session's thread");
        waiting.output.runTasks();
        List<CoreClient.Received> received = waiting.receive();
        UpdateShort update = CoreClient.only(received, UpdateShort.class);
        assertTrue(update.update() instanceof UpdateLoginToken);
        CoreClient.Received message = received.get(0);
        assertEquals(3, message.msgId() & 3, "an update is the server's own message");
        assertEquals(1, message.seqNo() & 1, "and content-related");
    }

    @Test
    void anUpdateForADisconnectedSessionWaitsForTheNextMessage() {
        CoreClient client = CoreClient.withKey(cluster.dc(1), clock);
        client.send(new Ping(1));
        client.receive();
        SessionHandle session = cluster.dc(1).sessions().get(0);
        client.connection.close();
        assertFalse(session.connected());
        session.push(new UpdateShort(new UpdateLoginToken(), 0));

        CoreClient again = new CoreClient(cluster.dc(1), clock);
        again.key = client.key;
        again.salt = client.salt;
        again.sessionId = client.sessionId;
        again.send(again.ids.next(), 3, new Ping(2).toByteArray());
        CoreClient.only(again.receive(), UpdateShort.class);
    }

    @Test
    void clusterViewListsSessionsOfEveryDc() {
        CoreClient client = CoreClient.withKey(cluster.dc(2), clock);
        client.send(new Ping(1));
        assertEquals(List.of(), cluster.sessions(1));
        assertEquals(client.sessionId, cluster.sessions(2).get(0).sessionId());
        assertEquals(2, cluster.endpoint(2).id());
    }
}
