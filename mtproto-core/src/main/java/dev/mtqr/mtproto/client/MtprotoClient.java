package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.dial.Dialer;
import dev.mtqr.mtproto.dial.TcpDialer;
import dev.mtqr.mtproto.store.DcSession;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.mtproto.store.SessionData;
import dev.mtqr.mtproto.store.SessionStore;
import dev.mtqr.mtproto.time.EventLoopScheduler;
import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.DcOption;
import dev.mtqr.tl.api.SchemaRegistry;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MTProto client: {@code invoke(method)} sends a call to the main DC (or a given one) and completes with its
 * typed result. Each DC gets its own link (connection, auth key, session); {@code *_MIGRATE_X} answers are followed
 * by sending the call again to DC X (and making X the main DC for phone, network and user migrations); the DC list
 * comes from {@code help.getConfig}.
 *
 * <p>What a caller can count on:
 * <ul>
 *   <li>Every call ends exactly once: with its result, the server's typed error, a {@link CallTimeoutException}
 *       (caused by the DC's {@link ConnectionFailedException} when it could not be reached), a
 *       {@link ConnectionFailedException} when the link gave up before sending it, an
 *       {@link dev.mtqr.mtproto.rpc.OutcomeUnknownException} when it was sent and its session was lost, or a
 *       {@link ClientClosedException}. A call is never executed twice by a server that follows the protocol.</li>
 *   <li>Futures complete, updates and connection states are delivered on the callback executor
 *       ({@link ForkJoinPool#commonPool()} unless set), never on an I/O thread: blocking in a callback stalls no
 *       connection.</li>
 *   <li>Clients share one event-loop group by default (one thread per core for all of them).</li>
 * </ul>
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
    private static final TlRegistry REGISTRY = TlRegistry.of(dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE,
            SchemaRegistry.INSTANCE);

    private final LinkSettings settings;
    private final EventLoopGroup group;
    private final Scheduler scheduler;
    private final Dialer dialer;
    private final Executor callbacks;
    private final SessionPersister persister;
    private final Duration callTimeout;
    private final Map<Integer, DcAddress> addresses = new ConcurrentHashMap<>();
    private final Map<Integer, DcLink> links = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor listenerQueue;
    private final SubmissionPublisher<TlObject> updates;
    private final AtomicLong droppedUpdates = new AtomicLong();
    private final AtomicReference<SessionData> data;
    private final boolean ownsSharedGroup;
    private volatile boolean closed;

    private MtprotoClient(Builder b) {
        b.addresses.forEach(a -> addresses.put(a.id(), a));
        SessionData loaded = b.store.load().orElse(SessionData.empty());
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
        this.data = new AtomicReference<>(loaded.withMainDc(main));
        this.settings = new LinkSettings(List.copyOf(b.serverKeys), b.transport, b.obfuscated, b.appInfo, b.layer,
                b.testServers, b.connectTimeout, b.pingInterval, b.pongTimeout, b.retry, b.random, b.clock);
        this.callbacks = b.callbacks;
        this.scheduler = b.scheduler;
        boolean needsLoops = b.scheduler == null || b.dialer == null;
        this.ownsSharedGroup = b.group == null && needsLoops;
        this.group = ownsSharedGroup ? SharedEventLoop.acquire() : b.group;
        this.dialer = b.dialer != null ? b.dialer : new TcpDialer(group);
        this.persister = new SessionPersister(b.store, callbacks);
        this.callTimeout = b.callTimeout;
        this.listenerQueue = new SerialExecutor(callbacks);
        this.updates = new SubmissionPublisher<>(callbacks, 1024);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends {@code method} to the main DC. */
    public <R> CompletableFuture<R> invoke(TlMethod<R> method) {
        return invoke(data.get().mainDc(), method, callTimeout);
    }

    /** Sends {@code method} to DC {@code dcId}. */
    public <R> CompletableFuture<R> invoke(int dcId, TlMethod<R> method) {
        return invoke(dcId, method, callTimeout);
    }

    /**
     * Sends {@code method} to DC {@code dcId}, failing with a {@link CallTimeoutException} after {@code timeout}.
     * Cancelling the future abandons the call (its answer, if any, is ignored).
     */
    public <R> CompletableFuture<R> invoke(int dcId, TlMethod<R> method, Duration timeout) {
        CompletableFuture<R> result = new CompletableFuture<>();
        if (closed) {
            callbacks.execute(() -> result.completeExceptionally(new ClientClosedException()));
            return result;
        }
        new ClientCall<>(this, method, result, timeout).route(dcId, 0);
        return result;
    }

    /** The DC calls go to by default. */
    public int mainDc() {
        return data.get().mainDc();
    }

    /** Makes {@code dcId} the DC calls go to by default (after a login elsewhere, say). */
    public void setMainDc(int dcId) {
        persister.save(data.updateAndGet(d -> d.withMainDc(dcId)));
    }

    /** Records the logged-in user (0 when logged out) in the session store. */
    public void setUserId(long userId) {
        persister.save(data.updateAndGet(d -> d.withUserId(userId)));
    }

    /** The logged-in user's id from the session store, or 0. */
    public long userId() {
        return data.get().userId();
    }

    /** The DCs known so far, from the builder, the store and {@code help.getConfig}. */
    public Map<Integer, DcAddress> dcs() {
        return Map.copyOf(addresses);
    }

    /**
     * Updates the server pushes (objects of the API's {@code Updates} type and others that answer no call),
     * delivered on the callback executor; a subscriber that falls more than 1024 items behind loses the excess
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
    public Instant serverTime(int dcId) {
        DcLink link = links.get(dcId);
        int offset = link == null ? 0 : link.serverTimeOffset();
        return settings.clock().instant().plusSeconds(offset);
    }

    /** Where the connection to {@code dcId} stands ({@link ConnectionState.Idle} if none was needed yet). */
    public ConnectionState connectionState(int dcId) {
        DcLink link = links.get(dcId);
        return link == null ? new ConnectionState.Idle() : link.state();
    }

    /**
     * Adds a listener for every DC's connection states, from now on, in order; close the returned handle to remove
     * it.
     */
    public ConnectionListener.Registration addConnectionListener(ConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What happened on the connection to {@code dcId}; empty stats if there was none. */
    public ConnectionStats stats(int dcId) {
        DcLink link = links.get(dcId);
        return link == null ? new ConnectionStats(0, null, null) : link.stats();
    }

    /** Drops the connection to {@code dcId} as a network failure would; it comes back by itself. */
    public void disconnect(int dcId) {
        DcLink link = links.get(dcId);
        if (link != null) {
            link.disconnect();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (DcLink link : links.values()) {
            closing.add(link.close());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing the links took too long: {}", e.toString());
        }
        for (DcLink link : links.values()) {
            DcSession snapshot = link.snapshot();
            if (snapshot != null) {
                data.updateAndGet(d -> d.withDc(snapshot));
            }
        }
        persister.saveNow(data.get());
        updates.close();
        if (ownsSharedGroup) {
            SharedEventLoop.release();
        }
    }

    /** Where futures complete. */
    Executor callbacks() {
        return callbacks;
    }

    /** The link to DC {@code dcId}, made when first needed; IllegalArgumentException if no address is known. */
    DcLink link(int dcId) {
        return links.computeIfAbsent(dcId, id -> {
            DcAddress address = addresses.get(id);
            if (address == null) {
                throw new IllegalArgumentException("no address known for DC " + id);
            }
            Scheduler loop = scheduler != null ? scheduler : new EventLoopScheduler(group.next());
            return new DcLink(id, settings, loop, dialer, address, data.get().dc(id), REGISTRY, new LinkOwner());
        });
    }

    /** What the links tell the client, on their threads. */
    private final class LinkOwner implements DcLink.Owner {
        @Override
        public void keyChanged(int dcId, DcSession session) {
            persister.save(data.updateAndGet(d -> session == null ? d.withoutDc(dcId) : d.withDc(session)));
        }

        @Override
        public void config(ConfigType type) {
            if (!(type instanceof Config config)) {
                return;
            }
            for (var item : config.dcOptions()) {
                if (!(item instanceof DcOption option) || option.ipv6() || option.mediaOnly() || option.cdn()
                        || option.tcpoOnly()) {
                    continue;
                }
                DcAddress address = new DcAddress(option.id(), option.ipAddress(), option.port());
                if (addresses.putIfAbsent(option.id(), address) == null) {
                    LOG.debug("learned DC {}", address);
                }
            }
        }

        @Override
        public void update(TlObject update) {
            updates.offer(update, (subscriber, item) -> {
                droppedUpdates.incrementAndGet();
                return false;
            });
        }

        @Override
        public void state(int dcId, ConnectionState state) {
            if (!listeners.isEmpty()) {
                listenerQueue.execute(() -> {
                    for (ConnectionListener listener : listeners) {
                        listener.onConnectionState(dcId, state);
                    }
                });
            }
        }
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
        private Duration pongTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private RetryPolicy retry = RetryPolicy.connecting();
        private Duration callTimeout = Duration.ofSeconds(30);
        private RandomSource random = RandomSource.secure();
        private Clock clock = Clock.systemUTC();
        private SessionStore store = new InMemorySessionStore();
        private EventLoopGroup group;
        private Scheduler scheduler;
        private Dialer dialer;
        private Executor callbacks = ForkJoinPool.commonPool();
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

        /** How often an open connection pings (ping_delay_disconnect); zero turns the keep-alive off (60 s). */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        /**
         * How long a ping, or calls waiting on a connection that has gone quiet, may go unanswered before the
         * connection is dropped and made again (10 s).
         */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = positive(timeout, "pong timeout");
            return this;
        }

        /** How long one connection attempt may take, from dialling to the server's first answer (10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** How to wait between connection attempts, and when to give up ({@link RetryPolicy#connecting()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The longest wait between reconnect attempts (5 s). */
        public Builder maxReconnectBackoff(Duration backoff) {
            this.retry = retry.withDelays(retry.initialDelay().compareTo(backoff) > 0 ? backoff : retry.initialDelay(),
                    backoff);
            return this;
        }

        /** How long a call may take before its future fails with a {@link CallTimeoutException} (30 s). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "call timeout");
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        /** The wall clock msg_ids and server time follow (the system's). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sessionStore(SessionStore store) {
            this.store = store;
            return this;
        }

        /** An event loop group of the caller's, instead of the one all clients share. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = group;
            return this;
        }

        /**
         * Runs every DC link, timer and timeout of this client on {@code scheduler} instead of on event loops: with a
         * {@link dev.mtqr.mtproto.time.VirtualScheduler} (and its clock, and a {@link #dialer} of the test's), a
         * whole client runs in virtual time.
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** How connections are opened ({@link TcpDialer} by default). */
        public Builder dialer(Dialer dialer) {
            this.dialer = dialer;
            return this;
        }

        /**
         * Where futures complete and updates and connection states are delivered ({@link ForkJoinPool#commonPool()}
         * by default); never an I/O thread.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbacks = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public MtprotoClient build() {
            if (serverKeys.isEmpty()) {
                throw new IllegalArgumentException("give the server's RSA keys with serverKeys(...)");
            }
            return new MtprotoClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a " + what + " must be positive, not " + d);
            }
            return d;
        }
    }
}
