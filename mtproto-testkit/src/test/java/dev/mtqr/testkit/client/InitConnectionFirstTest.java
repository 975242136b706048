package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.testkit.server.ExecutionLog;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code initConnection} is the first thing every new connection carries, so the server knows the layer before any
 * call: also after transport error -404, when calls that waited for the new key go out on it.
 */
@ExtendWith(NettyLeakCheck.class)
class InitConnectionFirstTest {
    private final VirtualClient world = new VirtualClient(1, 5);

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void everyKeyAndConnectionStartsWithInitConnectionAlsoAfterTheServerForgotTheKey() throws Exception {
        MtprotoClient client = world.client();
        world.await(client.invoke(new HelpGetNearestDc()), Duration.ofSeconds(10));
        world.cluster.dc(1).keys().all().forEach(key -> world.cluster.dc(1).keys().forget(key.id()));
        CompletableFuture<?> lost = client.invoke(new HelpGetNearestDc());
        world.await(lost, Duration.ofSeconds(10));
        ExecutionException unknown = assertThrows(ExecutionException.class, lost::get);
        assertInstanceOf(OutcomeUnknownException.class, unknown.getCause(), "it went out under the forgotten key");
        List<CompletableFuture<?>> carried = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            carried.add(client.invoke(new HelpGetNearestDc()));
        }
        for (CompletableFuture<?> call : carried) {
            world.await(call, Duration.ofSeconds(10)).get();
        }
        client.disconnect(1);
        world.await(client.invoke(new HelpGetNearestDc()), Duration.ofSeconds(10)).get();

        Map<Long, List<ExecutionLog.Execution>> byKey = new LinkedHashMap<>();
        for (ExecutionLog.Execution execution : world.cluster.dc(1).executions().all()) {
            byKey.computeIfAbsent(execution.authKeyId(), k -> new ArrayList<>()).add(execution);
        }
        assertEquals(2, byKey.size(), "the first key, and the one made after -404");
        for (List<ExecutionLog.Execution> executions : byKey.values()) {
            assertTrue(executions.get(0).request() instanceof HelpGetConfig,
                    "initConnection(help.getConfig) first, then " + executions.get(0).request().tlName());
        }
        assertEquals(3, world.cluster.dc(1).executions().count(m -> m instanceof HelpGetConfig),
                "one per connection: the first, the one after -404, the one after the drop");
        assertEquals(3, client.stats(1).connections());
    }
}
