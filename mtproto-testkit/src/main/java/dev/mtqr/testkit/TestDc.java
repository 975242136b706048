package dev.mtqr.testkit;

import dev.mtqr.testkit.netty.DcServer;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.testkit.server.AuthKeys;
import dev.mtqr.testkit.server.ServerDc;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One running DC of a {@link TestCluster}: where it listens, what it knows, and the faults a test can inject into it.
 *
 * <pre>{@code
 * TestDc dc2 = cluster.dc(2);
 * dc2.rotateSalt();                         // a new salt now; the old one passes for the grace period
 * dc2.delayAnswers(Duration.ofSeconds(2));  // every packet to a client waits 2 s
 * dc2.corruptNextFrame();                   // the next packet fails the client's msg_key check
 * dc2.dropConnections();                    // clients must reconnect
 * dc2.keys().find(authKeyId).orElseThrow().authorize(userId); // log a key in
 * }</pre>
 */
public final class TestDc {
    private final ServerDc dc;
    private final DcServer server;

    TestDc(ServerDc dc, DcServer server) {
        this.dc = dc;
        this.server = server;
    }

    /** The DC id (1-based). */
    public int id() {
        return dc.id();
    }

    /** Where the DC listens. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The host it is bound to, as a string ({@code 127.0.0.1}). */
    public String host() {
        return address().getAddress().getHostAddress();
    }

    /** Its TCP port. */
    public int port() {
        return address().getPort();
    }

    /** The auth keys clients made with this DC (to log one in, forget one, …). */
    public AuthKeys keys() {
        return dc.keys();
    }

    /** The sessions this DC knows. */
    public List<SessionHandle> sessions() {
        return dc.sessions();
    }

    /** How many client connections are open. */
    public int connectionCount() {
        return dc.connectionCount();
    }

    /** The current server salt. */
    public long salt() {
        return dc.salts().current();
    }

    /** Closes every client connection now; keys and sessions stay. */
    public void dropConnections() {
        dc.dropConnections();
    }

    /** Holds every packet sent to a client for {@code delay} ({@link Duration#ZERO} to stop). */
    public void delayAnswers(Duration delay) {
        dc.faults().delayAnswers(delay);
    }

    /** Corrupts the next packet sent to any client of this DC. */
    public void corruptNextFrame() {
        dc.faults().corruptNextFrame();
    }

    /**
     * Sends every client of this DC a frame header claiming 2 GiB, outside the transport's framing: the client
     * must refuse it with a typed error, close the connection and come back.
     */
    public void sendMalformedFrame() {
        dc.sendMalformedFrames();
    }

    /** Makes a new salt current now; the old one stays valid for the grace period. */
    public void rotateSalt() {
        dc.salts().rotateNow();
    }

    void close() {
        server.close();
    }

    /** The transport-independent DC, for what this class does not offer. */
    public ServerDc server() {
        return dc;
    }
}
