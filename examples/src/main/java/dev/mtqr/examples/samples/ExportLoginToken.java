package dev.mtqr.examples.samples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.qrlogin.LoginUrl;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first step of QR login by hand (core.telegram.org/api/qr-login): {@code auth.exportLoginToken} and the
 * {@code tg://login?token=…} URL a QR code would show. {@code QrLogin} does this and everything after it.
 *
 * <pre>
 * ./mtqr serve --key-out key.pem &amp;      # prints dc 1 127.0.0.1:PORT1 ...
 * java -cp examples/target/mtqr.jar dev.mtqr.examples.samples.ExportLoginToken \
 *     key.pem device.session 4 my-api-hash 1@127.0.0.1:PORT1
 * </pre>
 */
public final class ExportLoginToken {
    private ExportLoginToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            TestServer.usage(ExportLoginToken.class.getName() + " KEY.pem SESSION API_ID API_HASH ID@HOST:PORT...");
        }
        int apiId = Integer.parseInt(args[2]);
        List<String> servers = Arrays.asList(args).subList(4, args.length);
        try (MtprotoClient client = TestServer.client(Path.of(args[0]), Path.of(args[1]), apiId, servers)) {
            AuthLoginTokenType answer = client.invoke(new AuthExportLoginToken(apiId, args[3], List.of()))
                    .get(30, TimeUnit.SECONDS);
            if (answer instanceof AuthLoginToken token) {
                System.out.println(LoginUrl.of(token.token()).url());
                long left = token.expires() - client.serverTime(client.mainDc()).getEpochSecond();
                System.out.println("expires " + Instant.ofEpochSecond(token.expires()) + " (in " + left + " s)");
            } else {
                System.out.println("no token to show: " + answer.tlName());   // already logged in, or migrate
            }
        }
        System.exit(0);
    }
}
