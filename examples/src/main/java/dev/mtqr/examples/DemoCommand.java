package dev.mtqr.examples;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.store.FileSessionStore;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.qrlogin.LoginQr;
import dev.mtqr.qrlogin.QrLogin;
import dev.mtqr.qrlogin.QrRenderer;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.User;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mtqr demo}: a whole QR login on one machine. An embedded two-DC test server holds an account on DC 2 with
 * a 2FA password; the new device starts on DC 1 and shows its code with a countdown; the first code is left to
 * expire so that a refresh shows; a simulated phone then reads the next code from its PNG and accepts it; the
 * device follows the migration to DC 2 and answers the password.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a QR login against an embedded two-DC test server (no network, no account needed).")
final class DemoCommand implements Callable<Integer> {
    private static final String PHONE = "9996621234";
    private static final String PASSWORD = "hunter2";
    private static final Duration TOKEN_TTL = Duration.ofSeconds(6);

    @Option(names = "--interactive", description = "Wait for Enter before the phone scans, and ask for the password.")
    boolean interactive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path session = Files.createTempDirectory("mtqr-demo").resolve("device.session");
        try (TestCluster cluster = TestCluster.builder().dcs(2).account(PHONE, PASSWORD, "Demo User")
                .tokenTtl(TOKEN_TTL).start();
             MtprotoClient device = client(cluster, 1, new FileSessionStore(session));
             MtprotoClient phoneClient = client(cluster, 2, null)) {
            out.printf("test server: dc 1 on port %d, dc 2 on port %d%n", cluster.address(1).getPort(),
                    cluster.address(2).getPort());
            SimulatedPhone phone = new SimulatedPhone(phoneClient);
            phone.logIn(PHONE, PASSWORD);
            out.println("phone: signed in to the account on dc 2 (it has a 2FA password)");
            out.flush();

            QrRenderer renderer = new QrRenderer();
            AtomicInteger codes = new AtomicInteger();
            AtomicReference<LoginQr> current = new AtomicReference<>();
            ScheduledExecutorService countdown = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-countdown");
                t.setDaemon(true);
                return t;
            });
            CompletableFuture<AuthAuthorization> login = QrLogin.builder(device)
                    .api(4, "demo")
                    .refreshMargin(Duration.ofSeconds(1))
                    .timeout(Duration.ofSeconds(50))
                    .onQr(qr -> {
                        int n = codes.incrementAndGet();
                        current.set(qr);
                        out.printf("%nQR code %d%s: %s%n%s", n, n > 1 ? " (refreshed)" : "", qr.url(),
                                renderer.terminal(qr.url().url()));
                        out.flush();
                    })
                    .password((hint, wrong) -> password(out, hint, wrong))
                    .build().start();
            countdown.scheduleAtFixedRate(() -> {
                LoginQr qr = current.get();
                if (qr != null && !login.isDone()) {
                    long left = Math.max(0, qr.expires().getEpochSecond()
                            - device.serverTime(1).getEpochSecond());
                    out.printf("  expires in %d s%n", left);
                    out.flush();
                }
            }, 1, 1, TimeUnit.SECONDS);

            while (codes.get() < 2 && !login.isDone()) {
                Thread.sleep(50); // let the first code expire: the second one shows the refresh
            }
            if (interactive) {
                out.println("press Enter to let the phone scan the code");
                out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            LoginQr scanned = current.get();
            phone.scan(scanned.url().url());
            out.println("phone: scanned the code from its image and accepted it");
            out.flush();

            AuthAuthorization auth = login.get(40, TimeUnit.SECONDS);
            countdown.shutdownNow();
            User user = (User) auth.user();
            out.printf("migrated to dc %d%n", device.mainDc());
            out.println(Sessions.loggedIn(user, device.mainDc()));
            device.close();
            out.printf("session saved to %s%n", session);
            out.flush();
            return 0;
        }
    }

    private CompletableFuture<String> password(PrintWriter out, String hint, boolean wrong) {
        out.printf("2FA: the account has a password%s%s%n", hint.isEmpty() ? "" : " (hint: " + hint + ")",
                wrong ? "; the last one was wrong" : "");
        out.flush();
        if (interactive && System.console() != null) {
            return new PasswordSource(null).ask(hint, wrong);
        }
        out.println("2FA: the demo answers with the account's password");
        return CompletableFuture.completedFuture(PASSWORD);
    }

    private static MtprotoClient client(TestCluster cluster, int mainDc, FileSessionStore store) {
        MtprotoClient.Builder builder = cluster.clientBuilder()
                .transport(TransportKind.INTERMEDIATE, true)
                .appInfo(AppInfo.of(4))
                .mainDc(mainDc);
        if (store != null) {
            builder.sessionStore(store);
        }
        return builder.build();
    }
}
