package dev.mtqr.testkit.rpc;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.time.Clock;

/**
 * What an {@link RpcHandler} knows about the call it handles.
 *
 * @param dcId         the DC that received the call
 * @param key          the caller's auth key, with its declared layer and login state
 * @param session      the caller's session, to push updates to later
 * @param requestMsgId the msg_id of the request
 * @param cluster      the cluster's DCs and sessions
 * @param clock        the DC's clock (skewed if a test skews it)
 * @param random       the DC's randomness
 */
public record RpcContext(int dcId, ClientKey key, SessionHandle session, long requestMsgId, ClusterView cluster,
        Clock clock, RandomSource random) {

    /** The layer the caller declared (0 if none yet); answers are encoded for it. */
    public int layer() {
        return key.layer();
    }

    /** The DC's time in unix seconds. */
    public int unixTime() {
        return (int) (clock.millis() / 1000);
    }

    /** Throws {@code 401 AUTH_KEY_UNREGISTERED} unless the caller's key is logged in; returns the user id. */
    public long requireUser() {
        return key.userId().orElseThrow(RpcErrors::authKeyUnregistered);
    }
}
