package dev.mtqr.testkit;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.testkit.auth.Accounts;
import dev.mtqr.testkit.auth.AuthService;
import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.testkit.netty.DcServer;
import dev.mtqr.testkit.sim.SimulatedNetwork;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.builtin.BuiltinHandlers;
import dev.mtqr.testkit.server.ServerCluster;
import dev.mtqr.testkit.server.ServerSettings;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MTProto cluster on TCP: DCs 1..n, each with its own Netty server on {@code 127.0.0.1} (any free
 * port by default), one RSA key for all, the server half of every protocol step, and fault hooks.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.builder().dcs(2).build().start()) {
 *     InetSocketAddress dc2 = cluster.dc(2).address();
 *     RsaPublicKey key = cluster.publicKey();          // or cluster.publicKeyPem()
 *     cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> new NearestDc("NL", context.dcId(), 2));
 *     cluster.dc(2).corruptNextFrame();
 *     cluster.clock().skew(Duration.ofMinutes(10));
 *     ... connect a client ...
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestCluster.class);

    private final Builder builder;
    private final RsaPrivateKey rsaKey;
    private final SkewableClock clock;
    private final RpcHandlers handlers;
    private final AuthService auth;
    private final ServerCluster core;
    private final List<TestDc> dcs = new ArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private SimulatedNetwork network;

    private TestCluster(Builder builder) {
        this.builder = builder;
        this.rsaKey = builder.rsaKey != null ? builder.rsaKey : RsaPrivateKey.generate(2048);
        this.clock = new SkewableClock(builder.clock);
        this.handlers = BuiltinHandlers.install(new RpcHandlers());
        this.auth = new AuthService(builder.dcs, clock, builder.random, builder.tokenTtl);
        auth.install(handlers);
        for (String[] account : builder.accounts) {
            auth.accounts().add(account[0], account[1], account[2]);
        }
        this.core = new ServerCluster(builder.dcs, builder.host, ServerOptions.standard(List.of(rsaKey)),
                builder.settings, clock, builder.random, handlers);
    }

    /** A builder with one DC on 127.0.0.1, any free port, a new 2048-bit key and the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds every DC and waits until all listen; in virtual time ({@link Builder#virtualTime}), puts every DC on the
     * simulated network instead, at {@code 192.0.2.<id>:443}.
     */
    public synchronized TestCluster start() {
        if (boss != null || network != null) {
            throw new IllegalStateException("the cluster is already started");
        }
        if (builder.time != null) {
            network = new SimulatedNetwork(builder.time, builder.latency);
            for (var dc : core.all()) {
                byte[] ip = {(byte) 192, 0, 2, (byte) dc.id()};
                InetSocketAddress address;
                try {
                    address = new InetSocketAddress(java.net.InetAddress.getByAddress(ip), 443);
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
                DcAddress at = new DcAddress(dc.id(), address.getAddress().getHostAddress(), 443);
                network.serve(at, dc, builder.random);
                core.listening(dc.id(), at.host(), at.port());
                dcs.add(new TestDc(dc, address, () -> network.cut(at)));
            }
            return this;
        }
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(Math.max(2, builder.dcs));
        try {
            for (var dc : core.all()) {
                int port = builder.basePort == 0 ? 0 : builder.basePort + dc.id() - 1;
                DcServer server = DcServer.bind(dc, builder.host, port, boss, workers, builder.random);
                dcs.add(new TestDc(dc, server.address(), server::close));
                core.listening(dc.id(), builder.host, server.address().getPort());
                LOG.info("DC {} listens on {}", dc.id(), server.address());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Stops every DC, closes all connections and waits for the threads to end. */
    @Override
    public synchronized void close() {
        for (TestDc dc : dcs) {
            dc.close();
        }
        dcs.clear();
        if (network != null) {
            network.close();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
            workers = null;
        }
    }

    /** DC {@code id} (1-based) of the started cluster. */
    public TestDc dc(int id) {
        if (id < 1 || id > dcs.size()) {
            throw new IllegalArgumentException("no DC " + id + " (the cluster has " + dcs.size()
                    + " running DCs; is it started?)");
        }
        return dcs.get(id - 1);
    }

    /** Every DC, in id order. */
    public List<TestDc> dcs() {
        return List.copyOf(dcs);
    }

    /** Where DC {@code id} listens. */
    public InetSocketAddress address(int id) {
        return dc(id).address();
    }

    /**
     * A client builder that already knows every DC of the started cluster (DC 1 first, so the main DC unless
     * {@code mainDc} says otherwise) and trusts its key; add the application's settings and build.
     */
    public MtprotoClient.Builder clientBuilder() {
        MtprotoClient.Builder client = MtprotoClient.builder().serverKeys(List.of(publicKey()));
        for (TestDc dc : dcs()) {
            client.dc(dc.dcAddress());
        }
        if (network != null) {
            client.scheduler(builder.time).dialer(network).callbackExecutor(builder.time)
                    .clock(builder.time.clock());
        }
        return client;
    }

    /** The simulated network of a cluster in virtual time (faults: refuse, silence, HTTP, cut). */
    public SimulatedNetwork network() {
        if (network == null) {
            throw new IllegalStateException("the cluster runs on TCP, not in virtual time");
        }
        return network;
    }

    /** The virtual time the cluster runs in, or null on TCP. */
    public VirtualScheduler time() {
        return builder.time;
    }

    /** The RSA public key every DC uses in the key exchange. */
    public RsaPublicKey publicKey() {
        return rsaKey.publicKey();
    }

    /** The public key as PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}), as Telegram publishes its keys. */
    public String publicKeyPem() {
        return rsaKey.publicKey().toPem();
    }

    /** The methods the cluster serves; add or replace handlers at any time. */
    public RpcHandlers handlers() {
        return handlers;
    }

    /**
     * The accounts clients can log in as ({@code cluster.accounts().add("9996621234", "pw", "Alice")}: DC 2, code
     * 22222, 2FA password "pw").
     */
    public Accounts accounts() {
        return auth.accounts();
    }

    /** The login service: accounts, QR tokens (their TTL can change while running) and authorizations. */
    public AuthService auth() {
        return auth;
    }

    /** The servers' clock; {@link SkewableClock#skew} puts it off from the clients'. */
    public SkewableClock clock() {
        return clock;
    }

    /** Puts the servers' clock {@code skew} ahead of real time (negative: behind). */
    public void skewClock(Duration skew) {
        clock.skew(skew);
    }

    /** The transport-independent cluster underneath. */
    public ServerCluster core() {
        return core;
    }

    /** How to build a {@link TestCluster}. */
    public static final class Builder {
        private int dcs = 1;
        private String host = "127.0.0.1";
        private int basePort;
        private RsaPrivateKey rsaKey;
        private Clock clock = Clock.systemUTC();
        private ServerSettings settings = ServerSettings.defaults();
        private RandomSource random = RandomSource.secure();
        private Duration tokenTtl = AuthService.DEFAULT_TOKEN_TTL;
        private final List<String[]> accounts = new ArrayList<>();
        private VirtualScheduler time;
        private Duration latency = Duration.ofMillis(1);

        private Builder() {
        }

        /**
         * An account: {@code phone} is {@code 99966XYYYY} with X its home DC (the login code is X five times),
         * {@code password} its 2FA password or null, {@code firstName} its name. Checked when the cluster is built.
         */
        public Builder account(String phone, String password, String firstName) {
            accounts.add(new String[] {Objects.requireNonNull(phone, "phone"), password, firstName});
            return this;
        }

        /** How long a QR login token is valid (default 30 s). */
        public Builder tokenTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("a token TTL must be positive, not " + ttl);
            }
            this.tokenTtl = ttl;
            return this;
        }

        /** How many DCs (ids 1..count). */
        public Builder dcs(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one DC, not " + count);
            }
            this.dcs = count;
            return this;
        }

        /** The address every DC binds to (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** DC n listens on {@code port + n - 1}; 0 (the default) gives each DC any free port. */
        public Builder basePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("no such port: " + port);
            }
            this.basePort = port;
            return this;
        }

        /** The RSA key of the cluster (default: a new 2048-bit key). */
        public Builder rsaKey(RsaPrivateKey key) {
            this.rsaKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The clock the servers run on, before any skew (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The MTProto tunables (default: Telegram's values). */
        public Builder settings(ServerSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Where the servers' randomness comes from (default: secure). */
        public Builder random(RandomSource random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Runs the cluster in virtual time on {@code time}: no sockets, a {@link SimulatedNetwork} with this one-way
         * latency instead, the servers' clock on {@code time}'s; {@link TestCluster#clientBuilder()} gives clients on
         * the same time and network, so that a test drives both sides on its own thread.
         */
        public Builder virtualTime(VirtualScheduler time, Duration latency) {
            this.time = Objects.requireNonNull(time, "time");
            this.latency = Objects.requireNonNull(latency, "latency");
            this.clock = time.clock();
            return this;
        }

        /** The cluster, not yet listening: call {@link TestCluster#start()}. */
        public TestCluster build() {
            return new TestCluster(this);
        }

        /** Builds and starts the cluster. */
        public TestCluster start() {
            return build().start();
        }
    }
}
