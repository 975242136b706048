package dev.mtqr.testkit.sim;

import dev.mtqr.mtproto.time.VirtualScheduler;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One simulated TCP connection: the bytes each side writes reach the other after the network's latency, in order;
 * a close reaches the other side after what was written before it. Both sides are embedded pipelines on the test's
 * thread, pumped after every event. The server side may also be a fault ({@link Endpoint#SILENT},
 * {@link Endpoint#HTTP}) rather than a DC.
 */
final class Wire {
    private static final byte[] HTTP_ANSWER = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final SimulatedNetwork network;
    private final VirtualScheduler time;
    private final Duration latency;
    private final Endpoint endpoint;
    /** The address dialled, {@code host:port}. */
    final String target;
    EmbeddedChannel client;
    EmbeddedChannel server;
    private boolean clientOpen = true;
    private boolean serverOpen = true;
    private boolean answered;

    Wire(SimulatedNetwork network, VirtualScheduler time, Duration latency, Endpoint endpoint, String target) {
        this.network = network;
        this.target = target;
        this.time = time;
        this.latency = latency;
        this.endpoint = endpoint;
    }

    /** Bytes written by one side, on their way to the other. */
    void carry(boolean fromClient, byte[] bytes) {
        if (fromClient ? !clientOpen : !serverOpen) {
            return;
        }
        time.schedule(latency, () -> arrive(fromClient, bytes));
    }

    private void arrive(boolean fromClient, byte[] bytes) {
        if (fromClient) {
            if (!serverOpen) {
                return;
            }
            switch (endpoint) {
                case SILENT -> {
                }
                case HTTP -> {
                    if (!answered) {
                        answered = true;
                        carry(false, HTTP_ANSWER);
                        closedBy(false);
                    }
                }
                default -> {
                    server.writeInbound(Unpooled.wrappedBuffer(bytes));
                    pump();
                }
            }
        } else if (clientOpen) {
            client.writeInbound(Unpooled.wrappedBuffer(bytes));
            pump();
        }
    }

    /** One side closed: the other learns of it after what was already on its way. */
    void closedBy(boolean client) {
        if (client) {
            if (!clientOpen) {
                return;
            }
            clientOpen = false;
        } else {
            if (!serverOpen) {
                return;
            }
            serverOpen = false;
        }
        time.schedule(Duration.ZERO, this::pump);
        time.schedule(latency, () -> {
            closeQuietly(client ? server : this.client);
            if (client) {
                serverOpen = false;
            } else {
                clientOpen = false;
            }
            pump();
            network.ended(this);
        });
    }

    /** Cuts the connection at once, both ways, as a network failure does: nothing on its way arrives. */
    void cut() {
        clientOpen = false;
        serverOpen = false;
        closeQuietly(server);
        closeQuietly(client);
        pump();
        network.ended(this);
    }

    /** Runs what the embedded pipelines queued (channelInactive after a close, say). */
    void pump() {
        if (client.isRegistered()) {
            client.runPendingTasks();
        }
        if (server != null && server.isRegistered()) {
            server.runPendingTasks();
        }
    }

    /** Whether the client's side is still open (a connection cut before it was made never opens). */
    boolean clientOpen() {
        return clientOpen;
    }

    /** Releases whatever the pipelines still hold. */
    void finish() {
        if (client.isRegistered()) {
            client.finishAndReleaseAll();
        }
        if (server != null && server.isRegistered()) {
            server.finishAndReleaseAll();
        }
    }

    private static void closeQuietly(EmbeddedChannel channel) {
        if (channel != null && channel.isRegistered() && channel.isOpen()) {
            channel.close();
        }
    }
}
