package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.SrpServer;
import dev.mtqr.testkit.rpc.ClientKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys that proved the code (or the QR token) of an account with 2FA and now owe the password, each with the SRP
 * challenge of its last {@code account.getPassword} (a new one makes the previous srp_id stale).
 */
final class PasswordLogins {
    record Pending(long userId, long srpId, SrpServer.Challenge challenge) {
    }

    private final Map<ClientKey, Pending> pending = new ConcurrentHashMap<>();

    void await(ClientKey key, long userId) {
        pending.put(key, new Pending(userId, 0, null));
    }

    Optional<Pending> of(ClientKey key) {
        return Optional.ofNullable(pending.get(key));
    }

    void challenge(ClientKey key, long userId, long srpId, SrpServer.Challenge challenge) {
        pending.put(key, new Pending(userId, srpId, challenge));
    }

    void done(ClientKey key) {
        pending.remove(key);
    }
}
