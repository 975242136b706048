package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.mtproto.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionLogTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final ServerDc dc = cluster.dc(2);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    @Test
    void recordsEachQueryItExecutesUnwrappedWithItsCaller() {
        long request = client.send(new InvokeWithLayer<>(client.layer.layer(), new InitConnection<>(7, "Phone",
                "TestOS 1", "1.0", "en", "", "en", null, null, new HelpGetNearestDc())));
        client.send(new Ping(1));
        client.receive();
        assertEquals(List.of(new ExecutionLog.Execution(2, client.key.id(), client.sessionId, request,
                new HelpGetNearestDc())), dc.executions().all());
        assertEquals(1, dc.executions().count(query -> query instanceof HelpGetNearestDc));
        assertEquals(0, dc.executions().count(query -> query instanceof HelpGetConfig));
        assertEquals(0, cluster.dc(1).executions().size(), "each DC has its own log");
    }

    @Test
    void startsAfreshWhenCleared() {
        client.send(new HelpGetNearestDc());
        client.send(new HelpGetConfig());
        assertEquals(2, dc.executions().size());
        dc.executions().clear();
        assertEquals(List.of(), dc.executions().all());
        client.send(new HelpGetNearestDc());
        assertEquals(1, dc.executions().size());
    }
}
