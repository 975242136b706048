package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import java.util.List;
import org.junit.jupiter.api.Test;

class GzipTest {
    private final MutableClock clock = new MutableClock();

    private static byte[] rawResult(List<CoreClient.Received> received, long reqMsgId) {
        for (CoreClient.Received r : received) {
            if (Bodies.constructorId(r.body()) == Bodies.RPC_RESULT) {
                Bodies.RpcResultBody result = Bodies.unpackRpcResult(r.body());
                if (result.reqMsgId() == reqMsgId) {
                    return result.result();
                }
            }
        }
        throw new AssertionError("no rpc_result for " + reqMsgId);
    }

    @Test
    void acceptsAGzipPackedRequest() {
        CoreClient client = CoreClient.withKey(CoreClusters.create(clock).dc(1), clock);
        long msgId = client.ids.next();
        client.send(msgId, client.seqNos.next(true), Bodies.packGzip(new HelpGetNearestDc().toByteArray()));
        assertTrue(client.result(client.receive(), msgId) instanceof NearestDc);
    }

    @Test
    void acceptsAGzipPackedMessageInsideAContainer() {
        CoreClient client = CoreClient.withKey(CoreClusters.create(clock).dc(1), clock);
        long inner = client.ids.next();
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(inner, client.seqNos.next(true),
                Bodies.packGzip(new Ping(5).toByteArray()))));
        client.send(client.ids.next(), client.seqNos.next(false), container);
        assertEquals(inner, CoreClient.only(client.receive(), Pong.class).msgId());
    }

    @Test
    void packsALargeResult() {
        ServerCluster cluster = CoreClusters.create(2, clock, ServerSettings.defaults().withGzipThreshold(64));
        CoreClient client = CoreClient.withKey(cluster.dc(1), clock);
        long request = client.send(new HelpGetConfig());
        List<CoreClient.Received> received = client.receive();
        assertEquals(Bodies.GZIP_PACKED, Bodies.constructorId(rawResult(received, request)));
        assertEquals(1, ((Config) client.result(received, request)).thisDc());
    }

    @Test
    void leavesASmallResultAsItIs() {
        CoreClient client = CoreClient.withKey(CoreClusters.create(clock).dc(1), clock);
        long request = client.send(new HelpGetNearestDc());
        assertNotEquals(Bodies.GZIP_PACKED, Bodies.constructorId(rawResult(client.receive(), request)));
    }
}
