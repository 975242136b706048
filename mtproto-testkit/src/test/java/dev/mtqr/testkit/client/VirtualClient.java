package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.ConnectionState;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.server.ServerSettings;
import dev.mtqr.testkit.server.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A virtual-time test world: a cluster on a simulated network, clients on the same time, seeded randomness, and
 * the connection states each client went through.
 */
final class VirtualClient implements AutoCloseable {
    final VirtualScheduler time = new VirtualScheduler();
    final TestCluster cluster;
    final List<MtprotoClient> clients = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    private final Random seeds;

    VirtualClient(int dcs, long seed) {
        this(dcs, seed, ServerSettings.defaults());
    }

    VirtualClient(int dcs, long seed, ServerSettings settings) {
        this.seeds = new Random(seed);
        this.cluster = TestCluster.builder().dcs(dcs).rsaKey(TestKeys.RSA).settings(settings)
                .random(seeded()).virtualTime(time, Duration.ofMillis(1)).start();
    }

    RandomSource seeded() {
        Random random = new Random(seeds.nextLong());
        return random::nextBytes;
    }

    /** A client of the cluster; {@code settings} may change its builder. */
    MtprotoClient client(Consumer<MtprotoClient.Builder> settings) {
        MtprotoClient.Builder builder = cluster.clientBuilder().appInfo(AppInfo.of(12345)).random(seeded());
        settings.accept(builder);
        MtprotoClient client = builder.build();
        client.addConnectionListener((dc, state) -> states.add(dc + ":" + describe(state)));
        clients.add(client);
        return client;
    }

    MtprotoClient client() {
        return client(b -> { });
    }

    /** Runs virtual time until {@code future} is done (at most {@code limit}); asserts that it is. */
    <T> CompletableFuture<T> await(CompletableFuture<T> future, Duration limit) {
        assertTrue(time.runUntil(future::isDone, limit), "done within " + limit + " of virtual time");
        return future;
    }

    static String describe(ConnectionState state) {
        if (state instanceof ConnectionState.RetryingIn retrying) {
            return "retrying(" + retrying.cause().reason() + ")";
        }
        if (state instanceof ConnectionState.Failed failed) {
            return "failed(" + failed.cause().reason() + ")";
        }
        if (state instanceof ConnectionState.Connecting connecting) {
            return "connecting(" + connecting.attempt() + ")";
        }
        return state.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        clients.forEach(MtprotoClient::close);
        time.runDue();
        cluster.close();
    }
}
