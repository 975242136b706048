package dev.mtqr.testkit.sim;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.dial.Dialer;
import dev.mtqr.mtproto.dial.FirstBytes;
import dev.mtqr.mtproto.dial.Pipe;
import dev.mtqr.mtproto.dial.PipeHandler;
import dev.mtqr.mtproto.dial.PipeListener;
import dev.mtqr.mtproto.dial.TransportOptions;
import dev.mtqr.mtproto.time.Scheduler;
import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.mtproto.transport.ClientTransport;
import dev.mtqr.testkit.netty.DcServer;
import dev.mtqr.testkit.server.ServerDc;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network in virtual time between our client and the test server's DCs: a {@link Dialer} whose connections carry
 * real bytes through the real transport codecs on both sides (the client's framing and obfuscation, the server's
 * transport detector and handlers), delivered after {@code latency} on a {@link VirtualScheduler}. Each address
 * answers as its {@link Endpoint} says — the DC, or a refusal, no route, a silent peer, an HTTP server — and live
 * connections can be cut. Everything runs on the scheduler's thread.
 *
 * <pre>{@code
 * VirtualScheduler time = new VirtualScheduler();
 * SimulatedNetwork network = new SimulatedNetwork(time, Duration.ofMillis(1));
 * network.serve(new DcAddress(1, "192.0.2.1", 443), serverDc, random);
 * MtprotoClient client = MtprotoClient.builder().dialer(network).scheduler(time).clock(time.clock())...build();
 * network.set(address, Endpoint.HTTP);   // from now on an HTTP server answers there
 * }</pre>
 */
public final class SimulatedNetwork implements Dialer, AutoCloseable {
    private record Target(ServerDc dc, RandomSource random) {
    }

    private final VirtualScheduler time;
    private final Duration latency;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<Wire> wires = new ArrayList<>();
    private int dialled;

    public SimulatedNetwork(VirtualScheduler time, Duration latency) {
        this.time = Objects.requireNonNull(time, "time");
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** Makes {@code dc} answer at {@code address}. */
    public void serve(DcAddress address, ServerDc dc, RandomSource random) {
        targets.put(key(address), new Target(dc, random));
        endpoints.put(key(address), Endpoint.SERVE);
    }

    /** From now on, new connections to {@code address} meet {@code endpoint}; open ones stay as they are. */
    public void set(DcAddress address, Endpoint endpoint) {
        endpoints.put(key(address), endpoint);
    }

    /** What answers at {@code address} now. */
    public Endpoint endpoint(DcAddress address) {
        return endpoints.getOrDefault(key(address), Endpoint.REFUSE);
    }

    /** Cuts every open connection to {@code address} at once, as a network failure does. */
    public void cut(DcAddress address) {
        for (Wire wire : List.copyOf(wires)) {
            if (wire.target.equals(key(address))) {
                wire.cut();
            }
        }
    }

    /** How many connections are open. */
    public int openConnections() {
        return wires.size();
    }

    /** How many connections were dialled so far. */
    public int dialled() {
        return dialled;
    }

    @Override
    public Pipe dial(DcAddress address, TransportOptions transport, Scheduler scheduler, PipeListener listener) {
        dialled++;
        String key = key(address);
        Endpoint endpoint = endpoint(address);
        FirstBytes firstBytes = new FirstBytes();
        PipeHandler pipe = new PipeHandler(scheduler, listener, firstBytes);
        if (endpoint == Endpoint.REFUSE || endpoint == Endpoint.UNREACHABLE) {
            time.schedule(latency, () -> pipe.connectFailed(endpoint == Endpoint.REFUSE
                    ? new ConnectException("Connection refused: " + key)
                    : new NoRouteToHostException("No route to host: " + key)));
            return pipe;
        }
        Wire wire = new Wire(this, time, latency, endpoint, key);
        wire.client = new EmbeddedChannel(null, DefaultChannelId.newInstance(), false, false,
                new WireEnd(wire, true), new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("first-bytes", firstBytes);
                        ClientTransport.install(ch.pipeline(), transport.kind(), transport.obfuscated(),
                                transport.dcTag(), transport.random(), transport.maxPayloadLength());
                        ch.pipeline().addLast("pipe", pipe);
                    }
                });
        if (endpoint == Endpoint.SERVE) {
            Target target = targets.get(key);
            wire.server = new EmbeddedChannel(null, DefaultChannelId.newInstance(), false, false,
                    new WireEnd(wire, false), new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            DcServer.install(ch.pipeline(), target.dc(), target.random(), channel -> time);
                        }
                    });
        }
        wires.add(wire);
        time.schedule(latency, () -> {
            if (!wire.clientOpen()) {
                pipe.connectFailed(new ConnectException("Connection reset before it was made: " + key));
                return;
            }
            try {
                if (wire.server != null) {
                    wire.server.register();
                }
                wire.client.register();
            } catch (Exception e) {
                throw new IllegalStateException("an embedded channel would not register", e);
            }
            wire.pump();
        });
        return pipe;
    }

    /** Cuts every connection and releases what the pipelines hold. */
    @Override
    public void close() {
        for (Wire wire : List.copyOf(wires)) {
            wire.cut();
        }
    }

    void ended(Wire wire) {
        if (wires.remove(wire)) {
            wire.finish();
        }
    }

    private static String key(DcAddress address) {
        return address.host() + ":" + address.port();
    }
}
