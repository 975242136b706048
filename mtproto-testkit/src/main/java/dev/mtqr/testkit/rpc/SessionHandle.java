package dev.mtqr.testkit.rpc;

import dev.mtqr.tl.TlObject;

/**
 * One MTProto session (an auth key and a session_id) on one DC, as handlers hold on to it to push updates later:
 * the QR-login service keeps the exporting session's handle and pushes {@code updateShort{updateLoginToken}} to it
 * when another device accepts the token.
 */
public interface SessionHandle {
    /** The DC the session lives on. */
    int dcId();

    /** The client's session_id. */
    long sessionId();

    /** The key the session belongs to. */
    ClientKey key();

    /** Whether a connection currently carries this session. */
    boolean connected();

    /**
     * Sends {@code update} (an {@code Updates} object of the latest layer) to the client as a message of the server's
     * own, encoded in the layer the client declared. Without a connection it waits for the next one.
     */
    void push(TlObject update);
}
