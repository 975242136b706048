package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.SessionHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QR-login tokens of the cluster: 32 random bytes each, valid for the TTL. An exported token belongs to the key
 * that exported it (a new export replaces it); a migrate token carries the accepted user to its home DC.
 */
public final class LoginTokens {
    /** One token. */
    static final class Token {
        final byte[] bytes;
        final ClientKey exporter;
        final SessionHandle session;
        final long expiresAtMillis;
        final List<Long> exceptIds;
        /** For a migrate token the user it logs in; for an exported one 0 until accepted. */
        volatile long userId;
        final boolean migrate;

        Token(byte[] bytes, ClientKey exporter, SessionHandle session, long expiresAtMillis, List<Long> exceptIds,
                long userId, boolean migrate) {
            this.bytes = bytes;
            this.exporter = exporter;
            this.session = session;
            this.expiresAtMillis = expiresAtMillis;
            this.exceptIds = exceptIds;
            this.userId = userId;
            this.migrate = migrate;
        }

        int expires() {
            return (int) ((expiresAtMillis + 999) / 1000);
        }

        boolean expired(Clock clock) {
            return clock.millis() >= expiresAtMillis;
        }
    }

    private final Map<String, Token> byBytes = new ConcurrentHashMap<>();
    private final Map<ClientKey, Token> byExporter = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RandomSource random;
    private volatile Duration ttl;

    LoginTokens(Clock clock, RandomSource random, Duration ttl) {
        this.clock = clock;
        this.random = random;
        ttl(ttl);
    }

    /** How long a new token is valid. */
    public Duration ttl() {
        return ttl;
    }

    /** Changes how long new tokens are valid (at least 1 ms). */
    public void ttl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token TTL must be positive, not " + ttl);
        }
        this.ttl = ttl;
    }

    /** A new token for {@code exporter}, replacing the one it exported before. */
    synchronized Token export(ClientKey exporter, SessionHandle session, List<Long> exceptIds) {
        Token token = new Token(random.bytes(32), exporter, session, clock.millis() + ttl.toMillis(),
                List.copyOf(exceptIds), 0, false);
        Token previous = byExporter.put(exporter, token);
        if (previous != null) {
            byBytes.remove(hex(previous.bytes));
        }
        byBytes.put(hex(token.bytes), token);
        return token;
    }

    /** A token that logs {@code userId} in on its home DC with {@code auth.importLoginToken}. */
    synchronized Token migrate(Token accepted) {
        Token token = new Token(random.bytes(32), accepted.exporter, accepted.session,
                clock.millis() + ttl.toMillis(), List.of(), accepted.userId, true);
        forget(accepted);
        byBytes.put(hex(token.bytes), token);
        return token;
    }

    /** The token {@code exporter} exported last, if it still has one. */
    Optional<Token> exportedBy(ClientKey exporter) {
        return Optional.ofNullable(byExporter.get(exporter));
    }

    /** The token with these bytes, if any. */
    Optional<Token> find(byte[] bytes) {
        return Optional.ofNullable(byBytes.get(hex(bytes)));
    }

    /** Removes {@code token}: it has been used. */
    synchronized void forget(Token token) {
        byBytes.remove(hex(token.bytes));
        byExporter.remove(token.exporter, token);
    }

    /** Whether it has expired by the cluster's clock. */
    boolean expired(Token token) {
        return token.expired(clock);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
