package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.ClusterView;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One DC of the test server, independent of any transport: its keys, salts, sessions, faults and live connections.
 * A transport calls {@link #connect} for each accepted connection and feeds it whole MTProto packets.
 */
public final class ServerDc {
    private record SessionId(long authKeyId, long sessionId) {
    }

    private final int id;
    private final ServerOptions handshake;
    private final ServerSettings settings;
    private final Clock clock;
    private final RandomSource random;
    private final RpcHandlers handlers;
    private final ClusterView cluster;
    private final AuthKeys keys;
    private final Salts salts;
    private final DcFaults faults = new DcFaults();
    private final ExecutionLog executions = new ExecutionLog();
    private final ServerMessageIds msgIds;
    private final Map<SessionId, ServerSession> sessions = new ConcurrentHashMap<>();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();

    public ServerDc(int id, ServerOptions handshake, ServerSettings settings, Clock clock, RandomSource random,
            RpcHandlers handlers, ClusterView cluster) {
        this.id = id;
        this.handshake = handshake;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.handlers = handlers;
        this.cluster = cluster;
        this.keys = new AuthKeys(id, clock, settings.firstSaltValidity());
        this.salts = new Salts(clock, random, settings.saltPeriod(), settings.saltGrace());
        this.msgIds = new ServerMessageIds(clock);
    }

    /** A new connection that answers through {@code output}. */
    public ServerConnection connect(ConnectionOutput output) {
        ServerConnection connection = new ServerConnection(this, output);
        connections.add(connection);
        return connection;
    }

    /** Closes every connection of this DC (a fault: clients must reconnect). Keys and sessions stay. */
    public void dropConnections() {
        for (ServerConnection connection : List.copyOf(connections)) {
            connection.close();
        }
    }

    /** Sends every open connection bytes that claim a frame of 2 GiB, which a client must refuse. */
    public void sendMalformedFrames() {
        for (ServerConnection connection : List.copyOf(connections)) {
            connection.later(connection::sendMalformedFrame);
        }
    }

    /** How many connections are open. */
    public int connectionCount() {
        return connections.size();
    }

    /** Every session this DC knows. */
    public List<SessionHandle> sessions() {
        return List.copyOf(sessions.values());
    }

    public int id() {
        return id;
    }

    public AuthKeys keys() {
        return keys;
    }

    public Salts salts() {
        return salts;
    }

    public DcFaults faults() {
        return faults;
    }

    /** Every RPC query this DC executed. */
    public ExecutionLog executions() {
        return executions;
    }

    public ServerSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    RandomSource random() {
        return random;
    }

    long randomLong() {
        return TlReader.of(random.bytes(8), TlRegistry.EMPTY).readLong();
    }

    ServerOptions handshakeOptions() {
        return handshake;
    }

    RpcHandlers handlers() {
        return handlers;
    }

    ClusterView cluster() {
        return cluster;
    }

    ServerMessageIds msgIds() {
        return msgIds;
    }

    ServerSession session(ClientKey key, long sessionId) {
        return sessions.computeIfAbsent(new SessionId(key.id(), sessionId), s -> new ServerSession(this, key, sessionId));
    }

    boolean destroySession(long authKeyId, long sessionId) {
        return sessions.remove(new SessionId(authKeyId, sessionId)) != null;
    }

    void closed(ServerConnection connection) {
        connections.remove(connection);
    }
}
