package dev.mtqr.testkit;

import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.testkit.server.AuthKeys;
import dev.mtqr.testkit.server.ExecutionLog;
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
 * dc2.dropBeforeNextAnswer();               // the next call is executed, its answer waits for the reconnect
 * dc2.keys().find(authKeyId).orElseThrow().authorize(userId); // log a key in
 * assertEquals(1, dc2.executions().count(request -> request instanceof HelpGetConfig));
 * }</pre>
 */
public final class TestDc {
    private final ServerDc dc;
    private final InetSocketAddress address;
    private final Runnable closer;

    TestDc(ServerDc dc, InetSocketAddress address, Runnable closer) {
        this.dc = dc;
        this.address = address;
        this.closer = closer;
    }

    /** The DC id (1-based). */
    public int id() {
        return dc.id();
    }

    /** Where the DC listens (in a virtual cluster, the address its simulated network serves it at). */
    public InetSocketAddress address() {
        return address;
    }

    /** The DC's address as a client is given it. */
    public DcAddress dcAddress() {
        return new DcAddress(id(), host(), port());
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

    /** Loses the next encrypted packet a client sends: discarded unread, its connection closed. */
    public void dropNextRequest() {
        dc.faults().dropNextRequest();
    }

    /**
     * Closes the connection instead of sending the next packet that carries an {@code rpc_result}; the call was
     * executed and its answer goes out again when the client comes back on the same session.
     */
    public void dropBeforeNextAnswer() {
        dc.faults().dropBeforeNextAnswer();
    }

    /** Sends the next packet to a client twice. */
    public void duplicateNextPacket() {
        dc.faults().duplicateNextPacket();
    }

    /** While {@code on}, reads and discards everything clients send and sends nothing; connections stay open. */
    public void silence(boolean on) {
        dc.faults().silence(on);
    }

    /** Every RPC query this DC executed, to check that none ran twice. */
    public ExecutionLog executions() {
        return dc.executions();
    }

    void close() {
        closer.run();
    }

    /** The transport-independent DC, for what this class does not offer. */
    public ServerDc server() {
        return dc;
    }
}
