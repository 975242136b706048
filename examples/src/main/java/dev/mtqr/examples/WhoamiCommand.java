package dev.mtqr.examples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.tl.api.User;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtqr whoami}: who a session file is logged in as, asked of the server; exit 3 if it is not. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Prints who a saved session is logged in as (asking the server).")
final class WhoamiCommand implements Callable<Integer> {
    @Mixin
    ConnectOptions connect;

    @Option(names = "--session", paramLabel = "FILE", required = true, description = "The session file.")
    Path session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (MtprotoClient client = connect.open(Sessions.existing(session), connect.apiIdOrZero())) {
            User user = Sessions.self(client).orElseThrow(() -> CommandFailure.loginFailed(
                    "the session in " + session + " is not logged in"));
            out.println(Sessions.loggedIn(user, client.mainDc()));
            out.flush();
            return 0;
        }
    }
}
