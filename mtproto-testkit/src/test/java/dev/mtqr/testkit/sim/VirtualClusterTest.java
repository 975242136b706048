package dev.mtqr.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.server.TestKeys;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.NearestDcType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VirtualClusterTest {
    @Test
    void aClientCallsAVirtualClusterInVirtualTime() throws Exception {
        VirtualScheduler time = new VirtualScheduler();
        try (TestCluster cluster = TestCluster.builder().dcs(2).rsaKey(TestKeys.RSA)
                .virtualTime(time, Duration.ofMillis(1)).start();
                MtprotoClient client = cluster.clientBuilder().appInfo(AppInfo.of(1)).build()) {
            CompletableFuture<NearestDcType> call = client.invoke(new HelpGetNearestDc());
            assertTrue(time.runUntil(call::isDone, Duration.ofSeconds(30)), "answered");
            assertEquals(1, ((NearestDc) call.get()).thisDc());
            System.out.println("virtual time " + time.elapsed() + ", tasks " + time.tasksRun());
        }
    }
}
