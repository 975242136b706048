package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.client.ConnectionFailedException.Reason;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.dial.Dialer;
import dev.mtqr.mtproto.dial.Pipe;
import dev.mtqr.mtproto.dial.PipeListener;
import dev.mtqr.mtproto.dial.TransportOptions;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.session.ClientSession;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.OutboundCall;
import dev.mtqr.mtproto.session.SessionStats;
import dev.mtqr.mtproto.store.DcSession;
import dev.mtqr.mtproto.time.Cancellable;
import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.ConfigType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DC, as a state machine confined to one {@link Scheduler} thread and driven by its timers, so that it runs
 * the same on a Netty event loop and in virtual time: it dials (through the {@link Dialer}), negotiates an auth key
 * when there is none ({@link KeyNegotiation}), and carries one {@link ClientSession} across connections.
 *
 * <ul>
 *   <li>Every connection starts with {@code invokeWithLayer(initConnection(help.getConfig))}, first in its first
 *       packet, then what the session must send again, then the calls waiting.</li>
 *   <li>An attempt has {@link LinkSettings#connectTimeout} from dialling to the server's first authentic answer (a
 *       completed key exchange or a message that decrypts); then the connection is {@link ConnectionState.Ready}.</li>
 *   <li>A failed attempt waits as {@link LinkSettings#retry} says ({@link ConnectionState.RetryingIn}); a permanent
 *       failure, or too many in a row, gives up ({@link ConnectionState.Failed}): calls waiting fail with the cause,
 *       so do calls made in the next {@link RetryPolicy#maxDelay()}, and the call after that starts over. A
 *       connection that was ready and drops is made again at once.</li>
 *   <li>A packet that fails decryption drops the connection, which is made again at once (as TDLib does); transport
 *       error -404 (the server forgot the key) makes a new key and a new session: calls that never went out are
 *       carried over, calls that did fail with {@link dev.mtqr.mtproto.rpc.OutcomeUnknownException}.</li>
 *   <li>Pings keep an open connection alive ({@code ping_delay_disconnect}); when calls wait and nothing has come
 *       for {@link LinkSettings#pongTimeout}, a ping probes the server, and a server silent for as long again loses
 *       the connection.</li>
 * </ul>
 *
 * <p>Other threads talk to it through {@link #submit}, {@link #close} and the published read-only views
 * ({@link #state()}, {@link #lastFailure()}, {@link #serverTimeOffset()}…).
 */
final class DcLink {
    private static final Logger LOG = LoggerFactory.getLogger(DcLink.class);
    private static final Duration ACK_DELAY = Duration.ofMillis(50);
    private static final Duration RETIRE_GRACE = Duration.ofSeconds(10);

    /** What the client hears from a link, on the link's thread. */
    interface Owner {
        /** A key was made ({@code session}) or forgotten (null) for the DC. */
        void keyChanged(int dcId, DcSession session);

        void config(ConfigType config);

        void update(TlObject update);

        void state(int dcId, ConnectionState state);
    }

    private enum Phase { IDLE, DIALING, NEGOTIATING, OPEN, WAITING, FAILED, CLOSED }

    private final int dcId;
    private final LinkSettings settings;
    private final Scheduler loop;
    private final Dialer dialer;
    private final Owner owner;
    private final TlRegistry registry;
    private final ArrayDeque<OutboundCall> waiting = new ArrayDeque<>();
    private final Liveness liveness;
    private final DcAddress address;

    /** The key and what came with it; written on the link's thread, read by {@link #snapshot} from any. */
    private volatile DcSession stored;
    private ClientSession session;
    private Phase phase = Phase.IDLE;
    private Connection current;
    private KeyNegotiation negotiation;
    private boolean proven;
    private boolean renewed;
    private ConnectionFailedException closeReason;
    private int failures;
    private long pingIds;
    private boolean flushQueued;
    private boolean coolingDown;
    private Cancellable connectTimer = Cancellable.NONE;
    private Cancellable retryTimer = Cancellable.NONE;
    private Cancellable ackTimer;
    private Cancellable retireTimer;

    private volatile ConnectionState state = new ConnectionState.Idle();
    private volatile ConnectionFailedException lastFailure;
    private volatile int connections;
    private volatile int timeOffset;
    private volatile long salt;
    private volatile SessionStats stats;

    DcLink(int dcId, LinkSettings settings, Scheduler loop, Dialer dialer, DcAddress address, DcSession stored,
            TlRegistry registry, Owner owner) {
        this.dcId = dcId;
        this.settings = settings;
        this.loop = loop;
        this.dialer = dialer;
        this.address = address;
        this.stored = stored;
        this.registry = registry;
        this.owner = owner;
        this.liveness = new Liveness(loop, settings.pingInterval(), settings.pongTimeout());
        if (stored != null) {
            this.timeOffset = stored.serverTimeOffset();
            this.salt = stored.serverSalt();
        }
    }

    // ---- the API, from any thread

    /** Sends {@code call} on this DC, connecting first if need be. */
    void submit(OutboundCall call) {
        loop.execute(() -> {
            if (phase == Phase.CLOSED) {
                call.fail(new ClientClosedException());
                return;
            }
            if (phase == Phase.FAILED && coolingDown) {
                call.fail(lastFailure);
                return;
            }
            if (session != null) {
                session.enqueue(call);
                if (phase == Phase.OPEN) {
                    flushSoon();
                }
            } else {
                waiting.addLast(call);
            }
            if (phase == Phase.IDLE || phase == Phase.FAILED) {
                failures = 0;
                connect();
            }
        });
    }

    /** Runs {@code task} on this link's thread. */
    void execute(Runnable task) {
        loop.execute(task);
    }

    Scheduler scheduler() {
        return loop;
    }

    ConnectionState state() {
        return state;
    }

    /** The last failure of a connection or attempt, or null. */
    ConnectionFailedException lastFailure() {
        return lastFailure;
    }

    /** The server's clock minus ours, in seconds, as the session knows it. */
    int serverTimeOffset() {
        return timeOffset;
    }

    /** The session as the store should keep it, or null if there is no key. */
    DcSession snapshot() {
        DcSession known = stored;
        return known == null ? null : known.withServerSalt(salt).withServerTimeOffset(timeOffset);
    }

    ConnectionStats stats() {
        return new ConnectionStats(connections, lastFailure, stats);
    }

    /** Drops the connection as a network failure would; it is made again at once. For tests and fault drills. */
    void disconnect() {
        loop.execute(() -> {
            if (current != null && phase != Phase.CLOSED) {
                drop(new ConnectionFailedException(Reason.CLOSED, dcId, where(), "dropped by the client", null));
            }
        });
    }

    /** Closes the link for good: what waits fails with {@link ClientClosedException}. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable closing = () -> {
            if (phase != Phase.CLOSED) {
                phase = Phase.CLOSED;
                cancelTimers();
                retryTimer.cancel();
                ClientClosedException closed = new ClientClosedException();
                while (!waiting.isEmpty()) {
                    waiting.removeFirst().fail(closed);
                }
                if (session != null) {
                    publishSession();
                    session.failAll(closed);
                }
                Connection connection = current;
                current = null;
                if (connection != null && connection.pipe != null) {
                    connection.pipe.close();
                }
                publish(new ConnectionState.Closed());
            }
            done.complete(null);
        };
        if (loop.inThread()) {
            closing.run();
        } else {
            loop.execute(closing);
        }
        return done;
    }

    // ---- connecting

    private void connect() {
        coolingDown = false;
        phase = Phase.DIALING;
        proven = false;
        closeReason = null;
        retryTimer.cancel();
        publish(new ConnectionState.Connecting(failures + 1));
        Connection connection = new Connection();
        current = connection;
        connectTimer.cancel();
        connectTimer = loop.schedule(settings.connectTimeout(), () -> {
            if (current == connection && !proven) {
                String what = connection.opened ? "no answer" : "no connection";
                drop(new ConnectionFailedException(Reason.TIMED_OUT, dcId, where(), what + " within "
                        + CallTimeoutException.human(settings.connectTimeout()), null));
            }
        });
        DcAddress target = address;
        TransportOptions transport = TransportOptions.of(settings.transport(), settings.obfuscated(),
                settings.wireDc(target.id()), settings.random());
        connection.pipe = dialer.dial(target, transport, loop, connection);
    }

    private void opened(Connection connection) {
        connection.opened = true;
        connections++;
        if (stored == null) {
            phase = Phase.NEGOTIATING;
            negotiation = new KeyNegotiation(ClientOptions.permanent(settings.serverKeys(), settings.wireDc(dcId)),
                    settings);
            connection.pipe.send(negotiation.start());
        } else {
            openSession();
        }
    }

    private void openSession() {
        phase = Phase.OPEN;
        if (session == null) {
            session = new ClientSession(stored.authKey(), stored.serverSalt(), stored.serverTimeOffset(),
                    settings.random(), settings.clock(), registry, new SessionEvents());
            stats = session.stats();
        }
        session.connectionOpened(initCall());
        session.enqueue(ConnectionCalls.futureSalts(salts -> {
            if (session != null) {
                session.useFutureSalts(salts);
            }
        }));
        while (!waiting.isEmpty()) {
            session.enqueue(waiting.removeFirst());
        }
        flush();
        Connection connection = current;
        liveness.start(new Liveness.Watched() {
            @Override
            public boolean waiting() {
                return session != null && session.outstanding() > 0;
            }

            @Override
            public void ping() {
                session.enqueue(ConnectionCalls.ping(++pingIds, settings.pingInterval(), settings.pongTimeout()));
                flush();
            }

            @Override
            public void silent(Duration quiet) {
                if (current == connection) {
                    drop(new ConnectionFailedException(Reason.TIMED_OUT, dcId, where(), "no answer within "
                            + CallTimeoutException.human(quiet), null));
                }
            }
        });
    }

    private void received(Connection connection, byte[] packet) {
        if (packet.length >= 8 && Envelope.authKeyId(packet) == 0) {
            if (negotiation != null) {
                negotiate(connection, packet);
            }
            return;
        }
        if (session == null || phase != Phase.OPEN) {
            return;
        }
        ClientSession.Receipt receipt = session.receive(packet);
        if (receipt == ClientSession.Receipt.UNDECRYPTABLE) {
            drop(new ConnectionFailedException(Reason.BAD_PACKET, dcId, where(),
                    "a packet failed decryption; connecting again", null));
            return;
        }
        liveness.heard();
        if (!proven) {
            proven();
        }
        publishSession();
        if (renewed) {
            renewed = false;
            session.connectionOpened(initCall());
            expireRetiringLater();
        }
        if (session.hasOutgoing()) {
            if (session.onlyAcksPending()) {
                scheduleAckFlush();
            } else {
                flushSoon();
            }
        }
    }

    private void negotiate(Connection connection, byte[] packet) {
        byte[] next;
        try {
            next = negotiation.onPacket(packet);
        } catch (SecurityCheckException | TlDecodeException e) {
            LOG.warn("key exchange with DC {} refused: {}", where(), e.getMessage());
            drop(new ConnectionFailedException(Reason.KEY_EXCHANGE_REFUSED, dcId, where(), "the key exchange failed: "
                    + e.getMessage(), e));
            return;
        }
        if (next != null) {
            connection.pipe.send(next);
            return;
        }
        HandshakeResult result = negotiation.result();
        negotiation = null;
        DcAddress at = address;
        stored = new DcSession(dcId, result.authKey(), result.serverSalt(), result.serverTimeOffset(), at.host(),
                at.port());
        timeOffset = result.serverTimeOffset();
        salt = result.serverSalt();
        owner.keyChanged(dcId, stored);
        proven();
        openSession();
    }

    private void proven() {
        proven = true;
        failures = 0;
        connectTimer.cancel();
        publish(new ConnectionState.Ready());
    }

    private void closed(Connection connection, Throwable cause) {
        boolean wasProven = proven;
        current = null;
        proven = false;
        negotiation = null;
        cancelTimers();
        if (session != null) {
            publishSession();
        }
        if (phase == Phase.CLOSED) {
            return;
        }
        ConnectionFailedException failure = closeReason != null ? closeReason
                : ConnectFailures.classify(cause, connection.opened, address);
        closeReason = null;
        lastFailure = failure;
        if (cause instanceof TransportException transport && transport.code() == -404 && stored != null) {
            forgetKey(failure, wasProven);
            return;
        }
        LOG.debug("connection to DC {} ended: {}", where(), failure.getMessage());
        if (failure.reason() == Reason.NOT_MTPROTO && session != null) {
            session.peerWasNotMtproto();
        }
        afterFailure(failure, wasProven);
    }

    private void afterFailure(ConnectionFailedException failure, boolean wasProven) {
        if (!wasProven) {
            failures++;
        }
        if (failure.reason().permanent() || settings.retry().exhausted(failures)) {
            giveUp(failure);
            return;
        }
        Duration delay = wasProven ? Duration.ZERO
                : settings.retry().delayAfter(failures, () -> settings.random().uniform());
        phase = Phase.WAITING;
        publish(new ConnectionState.RetryingIn(delay, failure, failures));
        retryTimer = loop.schedule(delay, () -> {
            if (phase == Phase.WAITING) {
                connect();
            }
        });
    }

    private void giveUp(ConnectionFailedException failure) {
        LOG.debug("giving up on DC {}: {}", where(), failure.getMessage());
        phase = Phase.FAILED;
        coolingDown = true;
        loop.schedule(settings.retry().maxDelay(), () -> coolingDown = false);
        publish(new ConnectionState.Failed(failure));
        while (!waiting.isEmpty()) {
            waiting.removeFirst().fail(failure);
        }
        if (session != null) {
            session.giveUp(failure);
        }
    }

    /** Transport error -404: the server does not know the key. A new key, a new session; what went out is lost. */
    private void forgetKey(ConnectionFailedException failure, boolean wasProven) {
        LOG.warn("DC {} does not know auth key {} (-404); making a new one", where(), stored.authKey());
        ArrayDeque<OutboundCall> carried = new ArrayDeque<>();
        if (session != null) {
            carried.addAll(session.abandon(failure));
        }
        carried.addAll(waiting);
        waiting.clear();
        waiting.addAll(carried);
        session = null;
        stats = null;
        stored = null;
        owner.keyChanged(dcId, null);
        if (!wasProven) {
            failures++;
            if (settings.retry().exhausted(failures)) {
                giveUp(failure);
                return;
            }
        }
        connect();
    }

    /** Closes the current connection on purpose, for {@code reason}. */
    private void drop(ConnectionFailedException reason) {
        Connection connection = current;
        if (connection == null) {
            return;
        }
        closeReason = reason;
        if (connection.pipe != null) {
            connection.pipe.close();
        } else {
            closed(connection, null);
        }
    }

    // ---- sending

    private void flushSoon() {
        if (!flushQueued) {
            flushQueued = true;
            loop.execute(() -> {
                flushQueued = false;
                flush();
            });
        }
    }

    private void flush() {
        if (ackTimer != null) {
            ackTimer.cancel();
            ackTimer = null;
        }
        Connection connection = current;
        if (phase != Phase.OPEN || connection == null || session == null) {
            return;
        }
        for (byte[] packet : session.drain()) {
            connection.pipe.send(packet);
        }
    }

    private void scheduleAckFlush() {
        if (ackTimer == null) {
            ackTimer = loop.schedule(ACK_DELAY, () -> {
                ackTimer = null;
                flush();
            });
        }
    }

    // ---- helpers

    private void publish(ConnectionState next) {
        state = next;
        owner.state(dcId, next);
    }

    private void publishSession() {
        timeOffset = session.serverTimeOffset();
        salt = session.namedSalt();
    }

    /** Calls left in a replaced session get {@link #RETIRE_GRACE} for their answers to come in it. */
    private void expireRetiringLater() {
        if (retireTimer == null) {
            retireTimer = loop.schedule(RETIRE_GRACE, () -> {
                retireTimer = null;
                if (session != null) {
                    session.expireRetiring();
                }
            });
        }
    }

    private OutboundCall initCall() {
        return ConnectionCalls.init(settings, owner::config);
    }

    private void cancelTimers() {
        connectTimer.cancel();
        liveness.stop();
        if (ackTimer != null) {
            ackTimer.cancel();
            ackTimer = null;
        }
    }

    private String where() {
        DcAddress at = address;
        return at.host() + ":" + at.port();
    }

    /** The events of one pipe; those of a pipe that is no longer current are ignored. */
    private final class Connection implements PipeListener {
        Pipe pipe;
        boolean opened;

        @Override
        public void opened() {
            if (current == this && phase != Phase.CLOSED) {
                DcLink.this.opened(this);
            }
        }

        @Override
        public void received(byte[] packet) {
            if (current == this) {
                DcLink.this.received(this, packet);
            }
        }

        @Override
        public void closed(Throwable cause) {
            if (current == this) {
                DcLink.this.closed(this, cause);
            }
        }
    }

    /** The session's events, on this link's thread. */
    private final class SessionEvents implements ClientSession.Events {
        @Override
        public void update(TlObject update) {
            owner.update(update);
        }

        @Override
        public void renewed() {
            renewed = true;
        }
    }
}
