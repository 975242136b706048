package dev.mtqr.testkit.rpc;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one DC knows about an auth key a client created with it: the key, the layer the client declared with
 * {@code invokeWithLayer}, what it said in {@code initConnection}, and the user it is logged in as, if any.
 * Thread-safe: RPC handlers on any DC may read and change it.
 */
public final class ClientKey {
    private final AuthKey authKey;
    private final int dcId;
    private final boolean temporary;
    private volatile int layer;
    private volatile ClientInfo clientInfo;
    private volatile long userId;

    public ClientKey(AuthKey authKey, int dcId, boolean temporary) {
        this.authKey = authKey;
        this.dcId = dcId;
        this.temporary = temporary;
    }

    /** The auth_key_id. */
    public long id() {
        return authKey.id();
    }

    /** The key itself. */
    public AuthKey authKey() {
        return authKey;
    }

    /** The DC the key was created with. */
    public int dcId() {
        return dcId;
    }

    /** Whether the client asked for a temporary key ({@code p_q_inner_data_temp_dc}). */
    public boolean temporary() {
        return temporary;
    }

    /** The layer the client declared last, or 0 if it has not declared one. */
    public int layer() {
        return layer;
    }

    /** Remembers the layer from {@code invokeWithLayer}. */
    public void declareLayer(int layer) {
        this.layer = layer;
    }

    /** What the client sent in its last {@code initConnection}, if it sent one. */
    public Optional<ClientInfo> clientInfo() {
        return Optional.ofNullable(clientInfo);
    }

    /** Remembers what the client sent in {@code initConnection}. */
    public void introduce(ClientInfo info) {
        this.clientInfo = info;
    }

    /** The user this key is logged in as. */
    public OptionalLong userId() {
        long id = userId;
        return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** Whether the key is logged in; a key that is not gets AUTH_KEY_UNREGISTERED for what needs a user. */
    public boolean authorized() {
        return userId != 0;
    }

    /** Logs the key in as {@code userId} (not 0). */
    public void authorize(long userId) {
        if (userId == 0) {
            throw new IllegalArgumentException("user id 0 means no user");
        }
        this.userId = userId;
    }

    /** Logs the key out. */
    public void logOut() {
        this.userId = 0;
    }

    @Override
    public String toString() {
        return "ClientKey[id=" + Long.toHexString(id()) + ", dc=" + dcId + ", layer=" + layer
                + (authorized() ? ", user=" + userId : "") + "]";
    }
}
