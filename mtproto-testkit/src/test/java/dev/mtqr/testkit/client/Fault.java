package dev.mtqr.testkit.client;

import dev.mtqr.testkit.SkewableClock;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.TestDc;
import dev.mtqr.testkit.sim.Endpoint;
import java.time.Duration;

/**
 * The faults of the delivery matrix, each as real networks and servers produce it, and how it is made to happen in
 * the test world. {@link #before()} faults happen between two sessions (to a key already made); the others strike
 * while calls flow, several times. {@link #permanent()} ones do not end: calls after them end with typed errors.
 */
enum Fault {
    /** The connection drops with a request on its way: the server never reads it. */
    DROP_BEFORE_REQUEST,
    /** The connection drops after the server executed a request, before its answer went out. */
    DROP_AFTER_EXECUTION,
    /** One packet to the client fails decryption. */
    CORRUPT_PACKET,
    /** One packet to the client arrives twice. */
    DUPLICATED_ANSWER,
    /** The server's salt moves on twice, so the client's is refused. */
    SALT_ROTATION,
    /** The server's clock goes back 60 s before the session starts. */
    SERVER_CLOCK_BACK_BEFORE,
    /** The server's clock goes back 60 s while calls flow. */
    SERVER_CLOCK_BACK_DURING,
    /** The server's clock goes an hour ahead before the session starts. */
    SERVER_CLOCK_AHEAD_BEFORE,
    /** The server's clock goes an hour ahead while calls flow. */
    SERVER_CLOCK_AHEAD_DURING,
    /** The client machine's clock is set an hour forward while calls flow. */
    LOCAL_CLOCK_FORWARD_DURING,
    /** The client machine's clock is set an hour back while calls flow. */
    LOCAL_CLOCK_BACK_DURING,
    /** The server forgets the client's auth key (transport error -404 next). */
    KEY_FORGOTTEN,
    /** The server stops answering anything, for good; connections stay open. */
    SILENT_SERVER,
    /** An HTTP server answers at the DC's address from now on. */
    HTTP_ANSWERER;

    boolean before() {
        return this == SERVER_CLOCK_BACK_BEFORE || this == SERVER_CLOCK_AHEAD_BEFORE;
    }

    boolean permanent() {
        return this == SILENT_SERVER || this == HTTP_ANSWERER;
    }

    /** Makes the fault happen once, now. */
    void strike(TestCluster cluster, SkewableClock clientClock) {
        TestDc dc = cluster.dc(1);
        switch (this) {
            case DROP_BEFORE_REQUEST -> dc.dropNextRequest();
            case DROP_AFTER_EXECUTION -> dc.dropBeforeNextAnswer();
            case CORRUPT_PACKET -> dc.corruptNextFrame();
            case DUPLICATED_ANSWER -> dc.duplicateNextPacket();
            case SALT_ROTATION -> {
                dc.rotateSalt();
                dc.rotateSalt();
            }
            case SERVER_CLOCK_BACK_BEFORE, SERVER_CLOCK_BACK_DURING ->
                    cluster.skewClock(cluster.clock().skew().minusSeconds(60));
            case SERVER_CLOCK_AHEAD_BEFORE, SERVER_CLOCK_AHEAD_DURING ->
                    cluster.skewClock(cluster.clock().skew().plusHours(1));
            case LOCAL_CLOCK_FORWARD_DURING -> clientClock.skew(clientClock.skew().plusHours(1));
            case LOCAL_CLOCK_BACK_DURING -> clientClock.skew(clientClock.skew().minusHours(1));
            case KEY_FORGOTTEN -> dc.keys().all().forEach(key -> dc.keys().forget(key.id()));
            case SILENT_SERVER -> dc.silence(true);
            case HTTP_ANSWERER -> {
                cluster.network().set(dc.dcAddress(), Endpoint.HTTP);
                cluster.network().cut(dc.dcAddress());
            }
        }
    }

    /** How long after the fault every call must have ended (for faults that pass). */
    static final Duration RECOVERY = Duration.ofSeconds(2);
}
