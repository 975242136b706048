package dev.mtqr.examples;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.client.TelegramServers;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.store.SessionData;
import dev.mtqr.mtproto.store.SessionStore;
import dev.mtqr.mtproto.transport.TransportKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a client command connects and how: Telegram's production DCs and key unless {@code --test-servers} or
 * {@code --server}/{@code --rsa-key} say otherwise. A session file that remembers its servers is taken at its word
 * when no {@code --server} is given, since its keys are good only there.
 */
final class ConnectOptions {
    @Option(names = "--api-id", paramLabel = "ID", defaultValue = "${env:MTQR_API_ID}",
            description = "The application's api_id from my.telegram.org (default: $MTQR_API_ID).")
    Integer apiId;

    @Option(names = "--api-hash", paramLabel = "HASH", defaultValue = "${env:MTQR_API_HASH}",
            description = "The application's api_hash (default: $MTQR_API_HASH).")
    String apiHash;

    @Option(names = "--server", paramLabel = "ID@HOST:PORT", converter = Converters.Server.class,
            description = "A DC to use instead of Telegram's; repeat for each DC. The first is where to start.")
    List<DcAddress> servers = new ArrayList<>();

    @Option(names = "--rsa-key", paramLabel = "PEM",
            description = "The servers' RSA public key file (PKCS#1 or X.509 PEM) instead of Telegram's.")
    Path rsaKey;

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "intermediate",
            converter = Converters.Transport.class,
            description = "abridged, intermediate, padded or full (default: ${DEFAULT-VALUE}).")
    TransportKind transport;

    @Option(names = "--obfuscated", description = "Obfuscate the transport (not with full).")
    boolean obfuscated;

    @Option(names = "--test-servers", description = "Telegram's test DCs and their key instead of production.")
    boolean testServers;

    /** The api_id, or a usage error if neither the flag nor the environment gives one. */
    int requireApiId() {
        if (apiId == null) {
            throw CommandFailure.usage("give --api-id (or set MTQR_API_ID): get one at https://my.telegram.org");
        }
        if (apiId <= 0) {
            throw CommandFailure.usage("--api-id must be a positive number, not " + apiId);
        }
        return apiId;
    }

    /** The api_hash, or a usage error if neither the flag nor the environment gives one. */
    String requireApiHash() {
        if (apiHash == null || apiHash.isBlank()) {
            throw CommandFailure.usage("give --api-hash (or set MTQR_API_HASH)");
        }
        return apiHash;
    }

    /** The api_id if one is given; 0 otherwise (enough for a test server, not for Telegram's). */
    int apiIdOrZero() {
        return apiId == null ? 0 : apiId;
    }

    /** A client on {@code store}: the flags' servers, or the store's, or Telegram's. */
    MtprotoClient open(SessionStore store, int apiIdOrZero) {
        if (obfuscated && transport == TransportKind.FULL) {
            throw CommandFailure.usage(
                    "the full transport cannot be obfuscated: pick abridged, intermediate or padded");
        }
        TelegramServers telegram = testServers ? TelegramServers.test() : TelegramServers.production();
        SessionData saved = store.load().orElse(SessionData.empty());
        boolean savedServers = saved.dcs().values().stream().anyMatch(dc -> dc.hasAddress());
        MtprotoClient.Builder builder = MtprotoClient.builder()
                .serverKeys(rsaKey != null ? keys(rsaKey) : telegram.keys())
                .transport(transport, obfuscated)
                .testServers(testServers)
                .appInfo(AppInfo.of(apiIdOrZero))
                .sessionStore(store);
        if (!servers.isEmpty()) {
            servers.forEach(builder::dc);
        } else if (!savedServers) {
            telegram.dcs().forEach(builder::dc);
        }
        return builder.build();
    }

    private static List<RsaPublicKey> keys(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read --rsa-key " + file + ": " + Failures.message(e));
        }
        try {
            List<RsaPublicKey> keys = RsaPublicKey.parsePem(text);
            if (keys.isEmpty()) {
                throw CommandFailure.usage("--rsa-key " + file + " holds no PEM public key");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--rsa-key " + file + ": " + Failures.message(e));
        }
    }
}
