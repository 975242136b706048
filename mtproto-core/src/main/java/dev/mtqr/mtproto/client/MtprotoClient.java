package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.rpc.MigrateException;
import dev.mtqr.mtproto.rpc.ProtocolException;
import dev.mtqr.mtproto.store.DcSession;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.mtproto.store.SessionData;
import dev.mtqr.mtproto.store.SessionStore;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.DcOption;
import dev.mtqr.tl.api.SchemaRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MTProto client: {@code invoke(method)} sends a call to the main DC (or a given one) and completes with its
 * typed result. Each DC gets its own connection and auth key; {@code *_MIGRATE_X} answers are followed by
 * sending the call again to DC X (and making X the main DC for phone, network and user migrations); the DC list
 * comes from {@code help.getConfig}; updates arrive on {@link #updates()}, never on an I/O thread.
 *
 * <pre>{@code
 * try (MtprotoClient client = MtprotoClient.builder()
 *         .dc(new DcAddress(2, "149.154.167.50", 443))
 *         .serverKeys(RsaPublicKey.parsePem(pem))
 *         .appInfo(AppInfo.of(apiId))
 *         .build()) {
 *     NearestDcType nearest = client.invoke(new HelpGetNearestDc()).join();
 * }
 * }</pre>
 */
public final class MtprotoClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MtprotoClient.class);
    private static final int MAX_MIGRATIONS = 3;

    private final ConnectionSettings settings;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final SessionStore store;
    private final Duration callTimeout;
    private final Map<Integer, DcAddress> addresses = new ConcurrentHashMap<>();
    private final Map<Integer, DcConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService storeWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mtqr-session-store");
        t.setDaemon(true);
        return t;
    });
    private final SubmissionPublisher<TlObject> updates;
    private final AtomicLong droppedUpdates = new AtomicLong();
    private volatile SessionData data;
    private volatile boolean closed;

    private MtprotoClient(Builder b) {
        this.settings = new ConnectionSettings(List.copyOf(b.serverKeys), b.transport, b.obfuscated, b.appInfo,
                b.layer, b.testServers, b.pingInterval, b.maxBackoff, b.random, b.clock);
        this.ownGroup = b.group == null;
        this.group = ownGroup ? new NioEventLoopGroup(1) : b.group;
        this.store = b.store;
        this.callTimeout = b.callTimeout;
        this.updates = new SubmissionPublisher<>(ForkJoinPoolHolder.EXECUTOR, 1024);
        b.addresses.forEach(a -> addresses.put(a.id(), a));
        SessionData loaded = store.load().orElse(SessionData.empty());
        for (DcSession dc : loaded.dcs().values()) {
            if (dc.hasAddress() && !addresses.containsKey(dc.dcId())) {
                addresses.put(dc.dcId(), new DcAddress(dc.dcId(), dc.host(), dc.port()));
            }
        }
        int main = loaded.mainDc() != 0 ? loaded.mainDc() : b.mainDc != 0 ? b.mainDc
                : b.addresses.isEmpty() ? 0 : b.addresses.get(0).id();
        if (main == 0 || !addresses.containsKey(main)) {
            throw new IllegalArgumentException("no address for the main DC " + main + "; give one with dc(...)");
        }
        this.data = loaded.withMainDc(main);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends {@code method} to the main DC. */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method) {
        return invoke(data.mainDc(), method, callTimeout);
    }

    /** Sends {@code method} to DC {@code dcId}. */
    public <R> CompletableFuture<R> invoke(int dcId, TlMethod<R> method) {
        return invoke(dcId, method, callTimeout);
    }

    /**
     * Sends {@code method} to DC {@code dcId}, failing with a {@link java.util.concurrent.TimeoutException} after
     * {@code timeout}. Cancelling the future abandons the call (its answer, if any, is ignored).
     */
    public <R> CompletableFuture<R> invoke(int dcId, TlMethod<R> method, Duration timeout) {
        CompletableFuture<R> result = new CompletableFuture<>();
        send(dcId, method, result, 0);
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <R> void send(int dcId, TlMethod<R> method, CompletableFuture<R> result, int migrations) {
        if (closed) {
            result.completeExceptionally(new ProtocolException("the client is closed"));
            return;
        }
        DcConnection connection;
        try {
            connection = connection(dcId);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return;
        }
        CompletableFuture<R> attempt = connection.call(method);
        result.whenComplete((v, e) -> {
            if (result.isCancelled() || e instanceof java.util.concurrent.TimeoutException) {
                attempt.cancel(false);
            }
        });
        attempt.whenComplete((value, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof MigrateException migrate && migrations < MAX_MIGRATIONS) {
                if (!migrate.errorMessage().startsWith("FILE_") && !migrate.errorMessage().startsWith("STATS_")) {
                    data = data.withMainDc(migrate.dc());
                    persist();
                }
                LOG.debug("{} moves the call to DC {}", migrate.errorMessage(), migrate.dc());
                send(migrate.dc(), method, result, migrations + 1);
            } else if (cause != null) {
                result.completeExceptionally(cause);
            } else {
                result.complete(value);
            }
        });
    }

    /** The DC calls go to by default. */
    public int mainDc() {
        return data.mainDc();
    }

    /** Makes {@code dcId} the DC calls go to by default (after a login elsewhere, say). */
    public void setMainDc(int dcId) {
        data = data.withMainDc(dcId);
        persist();
    }

    /** Records the logged-in user (0 when logged out) in the session store. */
    public void setUserId(long userId) {
        data = data.withUserId(userId);
        persist();
    }

    /** The logged-in user's id from the session store, or 0. */
    public long userId() {
        return data.userId();
    }

    /** The DCs known so far, from the builder, the store and {@code help.getConfig}. */
    public Map<Integer, DcAddress> dcs() {
        return Map.copyOf(addresses);
    }

    /**
     * Updates the server pushes (objects of the API's {@code Updates} type and others that answer no call). Items
     * are delivered on a pool thread; a subscriber that falls more than 1024 items behind loses the excess
     * ({@link #droppedUpdates()}).
     */
    public Flow.Publisher<TlObject> updates() {
        return updates;
    }

    /** Updates lost because a subscriber fell behind. */
    public long droppedUpdates() {
        return droppedUpdates.get();
    }

    /**
     * The server's current time on DC {@code dcId}, as the session's corrected clock says: what token expiry and
     * other server timestamps must be compared with, rather than the local clock.
     */
    public java.time.Instant serverTime(int dcId) {
        DcConnection connection = connections.get(dcId);
        int offset = connection == null ? 0 : connection.serverTimeOffset();
        return settings.clock().instant().plusSeconds(offset);
    }

    /** What happened on the connection to {@code dcId}; empty stats if there was none. */
    public ConnectionStats stats(int dcId) {
        DcConnection connection = connections.get(dcId);
        return connection == null ? new ConnectionStats(0, null, null) : connection.stats();
    }

    /** Drops the connection to {@code dcId} as a network failure would; it comes back by itself. */
    public void disconnect(int dcId) {
        DcConnection connection = connections.get(dcId);
        if (connection != null) {
            connection.disconnect();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (DcConnection connection : connections.values()) {
            closing.add(connection.close());
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        for (DcConnection connection : connections.values()) {
            DcSession snapshot = connection.snapshot();
            if (snapshot != null) {
                data = data.withDc(snapshot);
            }
        }
        persist();
        storeWriter.shutdown();
        try {
            storeWriter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        updates.close();
        if (ownGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private DcConnection connection(int dcId) {
        return connections.computeIfAbsent(dcId, id -> {
            DcAddress address = addresses.get(id);
            if (address == null) {
                throw new IllegalArgumentException("no address known for DC " + id);
            }
            return new DcConnection(settings, group.next(), address, data.dc(id), this::onSessionChanged,
                    this::onConfig, this::onUpdate);
        });
    }

    private void onSessionChanged(DcSession session) {
        data = data.withDc(session);
        persist();
    }

    private void onConfig(ConfigType type) {
        if (!(type instanceof Config config)) {
            return;
        }
        for (var item : config.dcOptions()) {
            if (!(item instanceof DcOption option) || option.ipv6() || option.mediaOnly() || option.cdn() || option.tcpoOnly()) {
                continue;
            }
            DcAddress address = new DcAddress(option.id(), option.ipAddress(), option.port());
            DcAddress known = addresses.putIfAbsent(option.id(), address);
            if (known == null) {
                LOG.debug("learned DC {}", address);
            }
        }
    }

    private void onUpdate(TlObject update) {
        updates.offer(update, (subscriber, item) -> {
            droppedUpdates.incrementAndGet();
            return false;
        });
    }

    private void persist() {
        SessionData snapshot = data;
        if (!storeWriter.isShutdown()) {
            storeWriter.execute(() -> {
                try {
                    store.save(snapshot);
                } catch (RuntimeException e) {
                    LOG.warn("could not save the session: {}", e.getMessage());
                }
            });
        }
    }

    /** The pool that delivers updates (daemon threads, so it never holds the JVM). */
    private static final class ForkJoinPoolHolder {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mtqr-updates");
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds an {@link MtprotoClient}. */
    public static final class Builder {
        private final List<DcAddress> addresses = new ArrayList<>();
        private final List<RsaPublicKey> serverKeys = new ArrayList<>();
        private TransportKind transport = TransportKind.INTERMEDIATE;
        private boolean obfuscated;
        private AppInfo appInfo = AppInfo.of(0);
        private int layer = SchemaRegistry.LAYER;
        private boolean testServers;
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(30);
        private RandomSource random = RandomSource.secure();
        private Clock clock = Clock.systemUTC();
        private SessionStore store = new InMemorySessionStore();
        private EventLoopGroup group;
        private int mainDc;

        private Builder() {
        }

        /** A DC's address; the first one given is the main DC unless {@link #mainDc} or the store says otherwise. */
        public Builder dc(DcAddress address) {
            addresses.add(address);
            return this;
        }

        public Builder mainDc(int dcId) {
            this.mainDc = dcId;
            return this;
        }

        /** The RSA keys to trust in the key exchange. */
        public Builder serverKeys(List<RsaPublicKey> keys) {
            serverKeys.addAll(keys);
            return this;
        }

        public Builder transport(TransportKind kind, boolean obfuscated) {
            this.transport = kind;
            this.obfuscated = obfuscated;
            return this;
        }

        public Builder appInfo(AppInfo info) {
            this.appInfo = info;
            return this;
        }

        /** The layer to declare; {@code SchemaRegistry.LAYER} (228) by default. */
        public Builder layer(int layer) {
            this.layer = layer;
            return this;
        }

        /** Telegram's test DCs: the key exchange's dc field gets +10000. */
        public Builder testServers(boolean test) {
            this.testServers = test;
            return this;
        }

        /** How often an idle connection pings (ping_delay_disconnect); zero turns the keep-alive off. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        public Builder maxReconnectBackoff(Duration backoff) {
            this.maxBackoff = backoff;
            return this;
        }

        /** How long a call may take before its future fails with a TimeoutException (30 s by default). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sessionStore(SessionStore store) {
            this.store = store;
            return this;
        }

        /** An event loop group to share; by default the client makes one thread of its own. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = group;
            return this;
        }

        public MtprotoClient build() {
            if (serverKeys.isEmpty()) {
                throw new IllegalArgumentException("give the server's RSA keys with serverKeys(...)");
            }
            return new MtprotoClient(this);
        }
    }
}
