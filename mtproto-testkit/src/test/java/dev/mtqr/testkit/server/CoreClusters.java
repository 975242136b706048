package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.builtin.BuiltinHandlers;
import java.time.Clock;
import java.util.List;

/** Transport-less clusters for session-core tests; DC n claims to listen on 127.0.0.1:(20000 + n). */
final class CoreClusters {
    static final int BASE_PORT = 20000;

    private CoreClusters() {
    }

    static ServerCluster create(int dcs, Clock clock, ServerSettings settings) {
        RpcHandlers handlers = BuiltinHandlers.install(new RpcHandlers());
        ServerCluster cluster = new ServerCluster(dcs, "127.0.0.1", ServerOptions.standard(List.of(TestKeys.RSA)),
                settings, clock, RandomSource.secure(), handlers);
        for (int id = 1; id <= dcs; id++) {
            cluster.listening(id, "127.0.0.1", BASE_PORT + id);
        }
        return cluster;
    }

    static ServerCluster create(Clock clock) {
        return create(2, clock, ServerSettings.defaults());
    }
}
