package dev.mtqr.examples.samples;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.store.FileSessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the samples share: a client for the servers {@code mtqr serve} printed ({@code dc 1 127.0.0.1:40795} becomes
 * the argument {@code 1@127.0.0.1:40795}) with the key it wrote ({@code --key-out key.pem}), and a session file.
 */
final class TestServer {
    private TestServer() {
    }

    /** A client of the DCs {@code servers} ({@code ID@HOST:PORT}, the first is the main DC) trusting {@code keyPem}. */
    static MtprotoClient client(Path keyPem, Path session, int apiId, List<String> servers) throws IOException {
        MtprotoClient.Builder builder = MtprotoClient.builder()
                .serverKeys(RsaPublicKey.parsePem(Files.readString(keyPem)))
                .appInfo(AppInfo.of(apiId))
                .sessionStore(new FileSessionStore(session));
        for (String server : servers) {
            int at = server.indexOf('@');
            int colon = server.lastIndexOf(':');
            if (at < 1 || colon < at) {
                throw new IllegalArgumentException("not ID@HOST:PORT: " + server);
            }
            builder.dc(new DcAddress(Integer.parseInt(server.substring(0, at)), server.substring(at + 1, colon),
                    Integer.parseInt(server.substring(colon + 1))));
        }
        return builder.build();
    }

    static void usage(String line) {
        System.err.println("usage: java -cp examples/target/mtqr.jar " + line);
        System.exit(2);
    }
}
