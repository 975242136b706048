package dev.mtqr.examples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.qrlogin.LoginUrl;
import dev.mtqr.qrlogin.QrAcceptor;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.AuthorizationType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtqr accept URL}: the scanning side. A logged-in session accepts a {@code tg://login?token=…} code, which
 * logs in the device that shows it. A bad URL is a usage error (exit 2) before anything is sent; an expired, invalid
 * or already accepted code exits 3.
 */
@Command(name = "accept", mixinStandardHelpOptions = true,
        description = "Accepts a tg://login?token=... code with a logged-in session (what scanning does).")
final class AcceptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "The tg://login?token=... URL of the code.")
    String url;

    @Mixin
    ConnectOptions connect;

    @Option(names = "--session", paramLabel = "FILE", required = true,
            description = "The session of a logged-in account.")
    Path session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoginUrl code = LoginUrl.parse(url.strip());
        PrintWriter out = spec.commandLine().getOut();
        try (MtprotoClient client = connect.open(Sessions.existing(session), connect.apiIdOrZero())) {
            if (client.userId() == 0) {
                throw CommandFailure.loginFailed("the session in " + session + " is not logged in");
            }
            AuthorizationType answer = Await.result(client, client.mainDc(), QrAcceptor.accept(client, code),
                    Await.CALL_TIMEOUT, "auth.acceptLoginToken");
            out.println("accepted: " + describe(answer));
            out.flush();
            return 0;
        }
    }

    private static String describe(AuthorizationType answer) {
        if (answer instanceof Authorization a) {
            return a.appName() + " " + a.appVersion() + " on " + a.deviceModel() + " (api_id " + a.apiId() + ")";
        }
        return answer.tlName();
    }
}
