package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.ClientInfo;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.tl.api.Authorization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The logged-in keys of every user, as {@code account.getAuthorizations} lists them. */
public final class Authorizations {
    private record Entry(ClientKey key, long userId, long hash, int dateCreated) {
    }

    private final Map<ClientKey, Entry> entries = new ConcurrentHashMap<>();

    /** Records that {@code key} logged in as {@code userId} at {@code now}. */
    void add(ClientKey key, long userId, long hash, int now) {
        entries.put(key, new Entry(key, userId, hash, now));
    }

    /** Forgets {@code key}'s login. */
    void remove(ClientKey key) {
        entries.remove(key);
    }

    /** The authorizations of {@code userId}, the one of {@code current} flagged, oldest first. */
    public List<Authorization> of(long userId, ClientKey current, int now) {
        return entries.values().stream()
                .filter(e -> e.userId == userId && e.key.userId().orElse(0) == userId)
                .sorted(java.util.Comparator.comparingInt(Entry::dateCreated))
                .map(e -> describe(e.key, e.key == current, e.hash, e.dateCreated, now))
                .toList();
    }

    /** An {@code authorization} for {@code key}, from what it said in {@code initConnection}. */
    static Authorization describe(ClientKey key, boolean current, long hash, int created, int active) {
        ClientInfo info = key.clientInfo().orElse(new ClientInfo(0, "unknown", "unknown", "unknown", "", "", ""));
        return new Authorization(current, false, false, false, false, false, current ? 0 : hash, info.deviceModel(),
                "", info.systemVersion(), info.apiId(), "api " + info.apiId(), info.appVersion(), created, active,
                "127.0.0.1", "ZZ", "");
    }
}
