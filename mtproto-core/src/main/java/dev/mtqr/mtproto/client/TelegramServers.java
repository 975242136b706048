package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Telegram's own servers: the bootstrap IPv4 address of each DC and the RSA key the key exchange must see, for the
 * production network and for the test network (core.telegram.org/api/datacenter). The client learns the current
 * addresses from {@code help.getConfig} once it is connected; these only get it there.
 *
 * <pre>{@code
 * MtprotoClient client = TelegramServers.production().configure(MtprotoClient.builder())
 *         .appInfo(AppInfo.of(apiId))
 *         .build();
 * }</pre>
 *
 * @param dcs  one address per DC, DC 2 first (where Telegram asks new clients to start)
 * @param keys the RSA keys to trust
 * @param testNetwork whether these are the test DCs (the key exchange then sends DC id + 10000)
 */
public record TelegramServers(List<DcAddress> dcs, List<RsaPublicKey> keys, boolean testNetwork) {
    private static final TelegramServers PRODUCTION = new TelegramServers(List.of(
            new DcAddress(2, "149.154.167.51", 443),
            new DcAddress(1, "149.154.175.50", 443),
            new DcAddress(3, "149.154.175.100", 443),
            new DcAddress(4, "149.154.167.91", 443),
            new DcAddress(5, "149.154.171.5", 443)),
            key("telegram-production.pem"), false);
    private static final TelegramServers TEST = new TelegramServers(List.of(
            new DcAddress(2, "149.154.167.40", 443),
            new DcAddress(1, "149.154.175.10", 443),
            new DcAddress(3, "149.154.175.117", 443)),
            key("telegram-test.pem"), true);

    public TelegramServers {
        dcs = List.copyOf(dcs);
        keys = List.copyOf(keys);
        if (dcs.isEmpty() || keys.isEmpty()) {
            throw new IllegalArgumentException("servers need at least one DC and one key");
        }
    }

    /** Telegram's production DCs 1–5 and its production key (fingerprint {@code d09d1d85de64fd85}). */
    public static TelegramServers production() {
        return PRODUCTION;
    }

    /** Telegram's test DCs 1–3 and the test key (fingerprint {@code b25898df208d2603}). */
    public static TelegramServers test() {
        return TEST;
    }

    /** Gives {@code builder} these DCs (the first is the main DC), keys and network; returns it. */
    public MtprotoClient.Builder configure(MtprotoClient.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        dcs.forEach(builder::dc);
        return builder.serverKeys(keys).testServers(testNetwork);
    }

    private static List<RsaPublicKey> key(String resource) {
        try (InputStream in = TelegramServers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return RsaPublicKey.parsePem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
