package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.testkit.rpc.ClientKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auth keys one DC knows, by auth_key_id: each key exchange that ends in {@code dh_gen_ok} adds one. A new key's
 * first salt (new_nonce ⊕ server_nonce) is accepted for a while, as clients start with it. Thread-safe.
 */
public final class AuthKeys {
    private record Entry(ClientKey key, long firstSalt, long firstSaltUntilMillis) {
    }

    private final int dcId;
    private final Clock clock;
    private final Duration firstSaltValidity;
    private final Map<Long, Entry> keys = new ConcurrentHashMap<>();

    AuthKeys(int dcId, Clock clock, Duration firstSaltValidity) {
        this.dcId = dcId;
        this.clock = clock;
        this.firstSaltValidity = firstSaltValidity;
    }

    /** Registers the key of a completed exchange. */
    public ClientKey register(HandshakeResult result) {
        ClientKey key = new ClientKey(result.authKey(), dcId, result.temporary());
        keys.put(key.id(), new Entry(key, result.serverSalt(), clock.millis() + firstSaltValidity.toMillis()));
        return key;
    }

    /** The key with {@code authKeyId}, if this DC knows it. */
    public Optional<ClientKey> find(long authKeyId) {
        Entry entry = keys.get(authKeyId);
        return entry == null ? Optional.empty() : Optional.of(entry.key());
    }

    /** Every key this DC knows. */
    public List<ClientKey> all() {
        return keys.values().stream().map(Entry::key).toList();
    }

    /** Forgets {@code authKeyId}; its next message gets -404. */
    public boolean forget(long authKeyId) {
        return keys.remove(authKeyId) != null;
    }

    /** Whether {@code salt} is the key's first salt and still accepted. */
    boolean acceptsFirstSalt(long authKeyId, long salt) {
        Entry entry = keys.get(authKeyId);
        return entry != null && entry.firstSalt() == salt && clock.millis() < entry.firstSaltUntilMillis();
    }
}
