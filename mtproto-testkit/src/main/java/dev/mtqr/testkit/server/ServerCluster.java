package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.testkit.rpc.ClusterView;
import dev.mtqr.testkit.rpc.DcEndpoint;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.SessionHandle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The DCs of a test cluster without any transport: one {@link ServerDc} per id (1..n), sharing the RSA keys, the
 * clock and the RPC handlers. A transport binds each DC and tells where with {@link #listening}; until then a DC is
 * listed at port 0.
 */
public final class ServerCluster implements ClusterView {
    private final List<ServerDc> dcs = new ArrayList<>();
    private final Map<Integer, DcEndpoint> endpoints = new ConcurrentSkipListMap<>();
    private final RpcHandlers handlers;

    public ServerCluster(int dcCount, String host, ServerOptions handshake, ServerSettings settings, Clock clock,
            RandomSource random, RpcHandlers handlers) {
        if (dcCount < 1) {
            throw new IllegalArgumentException("a cluster needs at least one DC, not " + dcCount);
        }
        this.handlers = handlers;
        for (int id = 1; id <= dcCount; id++) {
            dcs.add(new ServerDc(id, handshake, settings, clock, random, handlers, this));
            endpoints.put(id, new DcEndpoint(id, host, 0));
        }
    }

    /** DC {@code id} (1-based). */
    public ServerDc dc(int id) {
        if (id < 1 || id > dcs.size()) {
            throw new NoSuchElementException("no DC " + id + "; the cluster has DCs 1 to " + dcs.size());
        }
        return dcs.get(id - 1);
    }

    /** Every DC, in id order. */
    public List<ServerDc> all() {
        return List.copyOf(dcs);
    }

    /** The handlers all DCs share. */
    public RpcHandlers handlers() {
        return handlers;
    }

    /** Records where DC {@code id} listens. */
    public void listening(int id, String host, int port) {
        dc(id);
        endpoints.put(id, new DcEndpoint(id, host, port));
    }

    @Override
    public List<DcEndpoint> dcs() {
        return List.copyOf(endpoints.values());
    }

    @Override
    public List<SessionHandle> sessions(int dcId) {
        return dc(dcId).sessions();
    }
}
