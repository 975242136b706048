package dev.mtqr.examples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.qrlogin.QrLogin;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.User;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtqr login}: logs this machine in by QR code, on Telegram's production DCs unless told otherwise. Standard
 * output gets each {@code tg://login?token=…} URL on its own line as it changes, then
 * {@code logged in as <name> (id <id>) on dc <n>}; the drawing, the countdown and notes go to standard error. With
 * {@code --session}, a session that is still logged in is reused and no code is shown.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Logs in by QR code: scan the code with Telegram on a phone that is logged in.")
final class LoginCommand implements Callable<Integer> {
    @Mixin
    ConnectOptions connect;

    @Option(names = "--session", paramLabel = "FILE",
            description = "Save the session here (owner-only) and reuse it next time.")
    Path session;

    @Option(names = "--qr", paramLabel = "WHERE", defaultValue = "terminal", converter = QrOutput.Converter.class,
            description = "terminal, none, png:FILE or svg:FILE (default: terminal, drawn on standard error).")
    QrOutput qr;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the 2FA password from this environment variable instead of the terminal.")
    String passwordEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Span.class,
            description = "Give up after this long (default: ${DEFAULT-VALUE}; 90s, 2m, PT2M...).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int apiId = connect.requireApiId();
        String apiHash = connect.requireApiHash();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter notes = spec.commandLine().getErr();
        try (MtprotoClient client = connect.open(Sessions.store(session), apiId)) {
            Optional<User> already = Sessions.self(client);
            if (already.isPresent()) {
                notes.println("the session in " + session + " is still logged in");
                out.println(Sessions.loggedIn(already.get(), client.mainDc()));
                out.flush();
                return 0;
            }
            int startDc = client.mainDc();
            var login = QrLogin.builder(client)
                    .api(apiId, apiHash)
                    .timeout(timeout)
                    .onQr(code -> {
                        qr.show(code, notes);            // a PNG or SVG is in place before its URL is printed
                        out.println(code.url().url());
                        out.flush();
                    })
                    .password(new PasswordSource(passwordEnv))
                    .build().start();
            AuthAuthorization auth = Await.result(client, startDc, login, timeout.plusSeconds(5), "the login");
            if (!(auth.user() instanceof User user)) {
                throw CommandFailure.loginFailed("the server answered the login without a user");
            }
            out.println(Sessions.loggedIn(user, client.mainDc()));
            out.flush();
            if (session != null) {
                notes.println("session saved to " + session);
                notes.flush();
            }
            return 0;
        }
    }
}
