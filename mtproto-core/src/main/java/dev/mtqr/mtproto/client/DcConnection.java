package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.ClientStep;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.rpc.ProtocolException;
import dev.mtqr.mtproto.session.ClientSession;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.MessageIdClock;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.mtproto.store.DcSession;
import dev.mtqr.mtproto.transport.ClientTransport;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.GetFutureSalts;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DC: a TCP connection (re-established with backoff when it drops), the auth-key exchange when there is no
 * key yet, and the encrypted session that carries calls. Every connection starts with
 * {@code invokeWithLayer(layer, initConnection(app info, help.getConfig))}; calls that got no answer on a
 * connection that dropped are sent again on the next one. All state lives on one event loop.
 */
final class DcConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DcConnection.class);
    /** How many future salts to ask for on each connection (each is valid for about an hour). */
    private static final int FUTURE_SALTS = 32;

    private final ConnectionSettings settings;
    private final EventLoop loop;
    private final Consumer<DcSession> onSessionChanged;
    private final Consumer<ConfigType> onConfig;
    private final Consumer<TlObject> onUpdate;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final MessageIdClock plainIds;

    private volatile DcAddress address;
    private DcSession stored;
    private ClientSession session;
    private ClientSession orphaned;
    private ClientHandshake handshake;
    private Channel channel;
    private boolean ready;
    private boolean connecting;
    private boolean closed;
    private int attempts;
    private volatile int connections;
    private volatile Throwable lastFailure;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> ackTimer;

    DcConnection(ConnectionSettings settings, EventLoop loop, DcAddress address, DcSession stored,
            Consumer<DcSession> onSessionChanged, Consumer<ConfigType> onConfig, Consumer<TlObject> onUpdate) {
        this.settings = settings;
        this.loop = loop;
        this.address = address;
        this.stored = stored;
        this.onSessionChanged = onSessionChanged;
        this.onConfig = onConfig;
        this.onUpdate = onUpdate;
        this.plainIds = MessageIdClock.client(settings.clock());
    }

    int dcId() {
        return address.id();
    }

    void updateAddress(DcAddress newAddress) {
        this.address = newAddress;
    }

    /** Sends {@code method} on this DC once the session is ready. */
    <R> CompletableFuture<R> call(TlMethod<R> method) {
        CompletableFuture<R> outer = new CompletableFuture<>();
        loop.execute(() -> {
            if (closed) {
                outer.completeExceptionally(new ProtocolException("the client is closed"));
                return;
            }
            Runnable send = () -> {
                CompletableFuture<R> inner = session.call(method);
                inner.whenComplete((value, error) -> {
                    if (error != null) {
                        outer.completeExceptionally(error);
                    } else {
                        outer.complete(value);
                    }
                });
                outer.whenComplete((value, error) -> {
                    if (outer.isCancelled()) {
                        inner.cancel(false);
                    }
                });
                flush();
            };
            if (ready) {
                send.run();
            } else {
                waiting.addLast(new Waiting(send, outer::completeExceptionally));
                connect();
            }
        });
        return outer;
    }

    /** The session as the store should keep it (current salt and time offset), or null if there is no key. */
    DcSession snapshot() {
        if (session != null && stored != null) {
            return stored.withServerSalt(session.salt()).withServerTimeOffset(session.serverTimeOffset());
        }
        return stored;
    }

    /** The server's clock minus ours, in seconds, as this DC's session knows it (0 before any key). */
    int serverTimeOffset() {
        ClientSession current = session;
        if (current != null) {
            return current.serverTimeOffset();
        }
        DcSession known = stored;
        return known == null ? 0 : known.serverTimeOffset();
    }

    ConnectionStats stats() {
        ClientSession current = session;
        return new ConnectionStats(connections, lastFailure, current == null ? null : current.stats());
    }

    /** Closes the connection for good and fails what is still waiting. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            closed = true;
            cancelTimers();
            ProtocolException cause = new ProtocolException("the client is closed");
            if (session != null) {
                session.failAll(cause);
            }
            while (!waiting.isEmpty()) {
                waiting.removeFirst().fail().accept(cause);
            }
            if (channel != null) {
                channel.close().addListener(f -> done.complete(null));
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /** Drops the connection (as a network failure would); it reconnects by itself. For tests and fault drills. */
    void disconnect() {
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
            }
        });
    }

    private void connect() {
        if (connecting || channel != null || closed) {
            return;
        }
        connecting = true;
        DcAddress target = address;
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        int dc = settings.testServers() ? 10000 + target.id() : target.id();
                        ClientTransport.install(ch.pipeline(), settings.transport(), settings.obfuscated(), dc,
                                settings.random());
                        ch.pipeline().addLast(new PacketHandler());
                    }
                });
        ChannelFuture future = bootstrap.connect(target.host(), target.port());
        future.addListener(f -> {
            connecting = false;
            if (!f.isSuccess()) {
                LOG.debug("connecting to DC {} failed: {}", target, f.cause().toString());
                lastFailure = f.cause();
                scheduleReconnect();
                return;
            }
            channel = future.channel();
            channel.closeFuture().addListener(c -> onClosed(future.channel()));
            if (closed) {
                channel.close();
            }
            // The session starts from channelActive, after the transport has written its header.
        });
    }

    private void onConnected() {
        if (stored == null) {
            int dc = settings.testServers() ? 10000 + address.id() : address.id();
            handshake = new ClientHandshake(ClientOptions.permanent(settings.serverKeys(), dc), settings.random(),
                    settings.clock());
            sendPlain(handshake.start());
            return;
        }
        if (session == null) {
            session = new ClientSession(stored.authKey(), stored.serverSalt(), stored.serverTimeOffset(),
                    settings.random(), settings.clock(), dev.mtqr.tl.api.SchemaRegistry.INSTANCE, onUpdate);
            if (orphaned != null) {
                orphaned.moveCallsTo(session);
                orphaned = null;
            }
        } else {
            session.resendUnanswered();
        }
        initConnection();
        ready = true;
        attempts = 0;
        while (!waiting.isEmpty()) {
            waiting.removeFirst().send().run();
        }
        flush();
        schedulePing();
    }

    private void initConnection() {
        AppInfo app = settings.appInfo();
        InitConnection<ConfigType> init = new InitConnection<>(app.apiId(), app.deviceModel(), app.systemVersion(),
                app.appVersion(), app.systemLangCode(), app.langPack(), app.langCode(), null, null, new HelpGetConfig());
        session.call(new InvokeWithLayer<>(settings.layer(), init)).whenComplete((config, error) -> {
            if (config != null) {
                onConfig.accept(config);
            } else if (!closed) {
                LOG.debug("initConnection on DC {} failed: {}", address, error.toString());
            }
        });
        ClientSession current = session;
        current.call(new GetFutureSalts(FUTURE_SALTS)).whenComplete((salts, error) -> {
            if (salts instanceof FutureSalts future) {
                loop.execute(() -> current.useFutureSalts(future));
            }
        });
    }

    private void onPacket(byte[] packet) {
        if (packet.length >= 8 && Envelope.authKeyId(packet) == 0) {
            onPlainPacket(packet);
            return;
        }
        if (session == null) {
            LOG.debug("DC {} sent an encrypted packet before a key exists", address);
            return;
        }
        session.receive(packet);
        if (session.hasOutgoing()) {
            scheduleAckFlush();
        }
    }

    private void onPlainPacket(byte[] packet) {
        if (handshake == null) {
            LOG.debug("DC {} sent an unencrypted packet outside the key exchange", address);
            return;
        }
        try {
            PlainMessage message = PlainMessage.decode(packet);
            TlObject answer = TlReader.of(message.body(), dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE).readObject();
            ClientStep step = handshake.onAnswer(answer);
            if (step instanceof ClientStep.Send send) {
                sendPlain(send.request());
            } else {
                HandshakeResult result = ((ClientStep.Done) step).result();
                handshake = null;
                stored = new DcSession(address.id(), result.authKey(), result.serverSalt(), result.serverTimeOffset(),
                        address.host(), address.port());
                onSessionChanged.accept(stored);
                onConnected();
            }
        } catch (SecurityCheckException | TlDecodeException e) {
            // A server that fails the key exchange's checks would fail them again: the waiting calls fail now,
            // and the next call tries a new connection.
            LOG.warn("key exchange with DC {} refused: {}", address, e.getMessage());
            handshake = null;
            while (!waiting.isEmpty()) {
                waiting.removeFirst().fail().accept(e);
            }
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** A call waiting for the session, and how to fail it. */
    private record Waiting(Runnable send, Consumer<Throwable> fail) {
    }

    private void sendPlain(TlObject request) {
        write(new PlainMessage(plainIds.next(), request.toByteArray()).encode());
    }

    private void flush() {
        if (!ready || channel == null || session == null) {
            return;
        }
        for (byte[] packet : session.drain()) {
            write(packet);
        }
    }

    private void write(byte[] packet) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(packet));
    }

    private void scheduleAckFlush() {
        if (ackTimer == null || ackTimer.isDone()) {
            ackTimer = loop.schedule(this::flush, 20, TimeUnit.MILLISECONDS);
        }
    }

    private void schedulePing() {
        long interval = settings.pingInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        pingTimer = loop.scheduleAtFixedRate(() -> {
            if (!ready || session == null) {
                return;
            }
            int delay = (int) Math.max(1, settings.pingInterval().toSeconds() * 3 / 2);
            session.call(new PingDelayDisconnect(ThreadLocalRandom.current().nextLong(), delay))
                    .orTimeout(Math.max(2000, interval / 2), TimeUnit.MILLISECONDS)
                    .whenComplete((pong, error) -> {
                        if (error != null && !closed && channel != null) {
                            LOG.debug("no pong from DC {}; reconnecting", address);
                            loop.execute(() -> channel.close());
                        }
                    });
            flush();
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void onClosed(Channel closedChannel) {
        if (channel != closedChannel) {
            return;
        }
        channel = null;
        ready = false;
        handshake = null;
        cancelTimers();
        if (!closed) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long base = Math.min(settings.maxBackoff().toMillis(), 50L << Math.min(attempts, 10));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        attempts++;
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        if (ackTimer != null) {
            ackTimer.cancel(false);
        }
    }

    /** Bridges the channel to this connection. */
    private final class PacketHandler extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            super.channelActive(ctx);
            if (channel == null) {
                channel = ctx.channel();
                channel.closeFuture().addListener(c -> onClosed(ctx.channel()));
            }
            connections++;
            if (!closed) {
                onConnected();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            byte[] packet = new byte[frame.readableBytes()];
            frame.readBytes(packet);
            onPacket(packet);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lastFailure = cause;
            if (cause instanceof TransportException transport && transport.code() == -404 && stored != null) {
                LOG.warn("DC {} does not know auth key {} (-404); making a new one", address, stored.authKey());
                stored = null;
                orphaned = session;
                session = null;
            } else {
                LOG.debug("connection to DC {} failed: {}", address, cause.toString());
            }
            ctx.close();
        }
    }
}
