package dev.mtqr.examples.samples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.qrlogin.LoginUrl;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.AuthorizationType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scanning side by hand: a logged-in session accepts a code's token with {@code auth.acceptLoginToken}, which
 * logs in the device that shows it. {@code QrAcceptor.accept(client, url)} is the same call.
 *
 * <pre>
 * java -cp examples/target/mtqr.jar dev.mtqr.examples.samples.AcceptLoginToken \
 *     key.pem phone.session 'tg://login?token=...'
 * </pre>
 */
public final class AcceptLoginToken {
    private AcceptLoginToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            TestServer.usage(AcceptLoginToken.class.getName() + " KEY.pem SESSION tg://login?token=...");
        }
        LoginUrl url = LoginUrl.parse(args[2]);   // InvalidLoginUrlException for anything else
        try (MtprotoClient client = TestServer.client(Path.of(args[0]), Path.of(args[1]), 4, List.of())) {
            AuthorizationType answer = client.invoke(new AuthAcceptLoginToken(url.token())).get(30, TimeUnit.SECONDS);
            Authorization device = (Authorization) answer;
            System.out.println("accepted: " + device.appName() + " on " + device.deviceModel());
        }
        System.exit(0);
    }
}
