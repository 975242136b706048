package dev.mtqr.mtproto.store;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Sessions for tests: jqwik arbitraries and a few fixed ones. */
final class SessionSamples {
    private SessionSamples() {
    }

    static Arbitrary<AuthKey> authKeys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(AuthKey.BYTES).map(AuthKey::new);
    }

    static Arbitrary<DcSession> dcSessions() {
        Arbitrary<Integer> dcIds = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(10_001, 10_005),
                Arbitraries.integers().between(1, Integer.MAX_VALUE));
        Arbitrary<String> hosts = Arbitraries.oneOf(
                Arbitraries.of("149.154.167.50", "127.0.0.1", "::1", "[2001:67c:4e8:f002::a]", "dc2.example.org"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(DcSession.MAX_HOST_LENGTH));
        return Combinators.combine(dcIds, authKeys(), Arbitraries.longs(), Arbitraries.integers(),
                        hosts.injectNull(0.3), Arbitraries.integers().between(1, 65535))
                .as((dcId, key, salt, offset, host, port) ->
                        new DcSession(dcId, key, salt, offset, host, host == null ? 0 : port));
    }

    static Arbitrary<SessionData> sessions() {
        Arbitrary<Map<Integer, DcSession>> dcs = dcSessions().list().ofMaxSize(6).uniqueElements(DcSession::dcId)
                .map(list -> list.stream().collect(Collectors.toMap(DcSession::dcId, Function.identity())));
        return Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, Integer.MAX_VALUE)),
                        Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, Long.MAX_VALUE)),
                        dcs)
                .as(SessionData::new);
    }

    static AuthKey key(long seed) {
        byte[] bytes = new byte[AuthKey.BYTES];
        new Random(seed).nextBytes(bytes);
        return new AuthKey(bytes);
    }

    /** A logged-in session on DC 2 with keys for DCs 1 and 2; {@code seed} varies keys, salts and the user. */
    static SessionData loggedIn(long seed) {
        return SessionData.empty()
                .withDc(new DcSession(1, key(seed), 0x1122334455667788L + seed, -3, "149.154.175.53", 443))
                .withDc(new DcSession(2, key(seed + 1), 0x0123456789abcdefL ^ seed, 17))
                .withMainDc(2)
                .withUserId(777_000 + seed);
    }
}
