package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.qrlogin.LoginQr;
import dev.mtqr.qrlogin.QrAcceptor;
import dev.mtqr.qrlogin.QrLogin;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.TestPhones;
import dev.mtqr.testkit.auth.Account;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.AuthorizationType;
import dev.mtqr.tl.api.User;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * QR login between GramJS 2.26.22 and our qr-login module, both ways, against a two-DC testkit whose account lives
 * on DC 2 (the new device starts on DC 1, so it follows {@code auth.loginTokenMigrateTo}) and has a 2FA password.
 */
class GramJsQrLoginTest {
    private static final String PHONE = "9996621234";
    private static final String PASSWORD = "correct horse";
    private static final String FIRST_NAME = "Alice";
    private static final int API_ID = 4;
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern QR = Pattern.compile("\"qr\":\"(tg://login\\?token=[A-Za-z0-9_=-]+)\"");

    private static RsaPrivateKey rsaKey;

    private TestCluster cluster;
    private Account account;
    private final List<MtprotoClient> clients = new ArrayList<>();

    @BeforeAll
    static void generateKey() {
        rsaKey = RsaPrivateKey.generate(2048);
    }

    @BeforeEach
    void startCluster() {
        cluster = TestCluster.builder().dcs(2).rsaKey(rsaKey).tokenTtl(Duration.ofSeconds(30)).start();
        account = cluster.accounts().add(PHONE, PASSWORD, FIRST_NAME);
        assertEquals(2, account.homeDc());
    }

    @AfterEach
    void stop() {
        clients.forEach(MtprotoClient::close);
        cluster.close();
    }

    /** GramJS's signInUserWithQrCode is the new device; our QrAcceptor on a phone-logged-in client scans its code. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void gramJsLogsInWithACodeOurAcceptorScans() throws Exception {
        MtprotoClient phone = phone();
        try (RunningScript gramJs = GramJsScript.named("qr-login.js")
                .dc(1, cluster.address(1), cluster.publicKey())
                .allDcs(cluster)
                .env("MTQR_PASSWORD", PASSWORD)
                .env("MTQR_API_ID", Integer.toString(API_ID))
                .start()) {
            String line = gramJs.nextLine("{\"qr\":", STEP);
            Matcher qr = QR.matcher(line);
            assertTrue(qr.find(), line);

            AuthorizationType accepted = QrAcceptor.accept(phone, qr.group(1)).get(STEP.toSeconds(), TimeUnit.SECONDS);
            // The new session as initConnection described it (GramJS's own api_id, not the exported one).
            assertEquals("mtqr-interop", ((Authorization) accepted).deviceModel(), accepted::toString);

            GramJsScript.Run run = gramJs.await(STEP.multipliedBy(2));
            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Long.toString(account.userId()), run.field("user_id"), run::describe);
            assertEquals(FIRST_NAME, run.field("first_name"), run::describe);
            assertEquals("2", run.field("dc"), run::describe);
            assertEquals("1", run.field("password_asked"), run::describe);
        }
    }

    /** Our QrLogin is the new device; GramJS, logged in by phone, accepts its code with auth.acceptLoginToken. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ourQrLoginLogsInWithACodeGramJsScans() throws Exception {
        MtprotoClient device = client(1);
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        CompletableFuture<AuthAuthorization> result = QrLogin.builder(device).api(API_ID, "hash").onQr(codes::add)
                .password((hint, wrong) -> {
                    asked.add(wrong);
                    return CompletableFuture.completedFuture(PASSWORD);
                })
                .build().start();
        try {
            LoginQr code = codes.poll(STEP.toSeconds(), TimeUnit.SECONDS);
            assertTrue(code != null, "QrLogin showed no code in " + STEP.toSeconds() + " s: " + result);

            GramJsScript.Run run = GramJsScript.named("accept.js")
                    .dc(1, cluster.address(1), cluster.publicKey())
                    .allDcs(cluster)
                    .env("MTQR_PHONE", PHONE)
                    .env("MTQR_PASSWORD", PASSWORD)
                    .env("MTQR_LOGIN_URL", code.url().url())
                    .run();
            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Long.toString(account.userId()), run.field("me"), run::describe);
            assertEquals(Integer.toString(API_ID), run.field("api_id"), run::describe);
            assertEquals("2", run.field("dc"), () -> "GramJS followed PHONE_MIGRATE_2\n" + run.describe());

            AuthAuthorization auth;
            try {
                auth = result.get(STEP.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("QrLogin did not log in after GramJS accepted\n" + run.describe(), e);
            }
            User user = (User) auth.user();
            assertEquals(account.userId(), user.id());
            assertEquals(FIRST_NAME, user.firstName());
            assertEquals(account.userId(), device.userId());
            assertEquals(2, device.mainDc(), "the account's DC became the main DC");
            assertEquals(List.of(false), asked, "the 2FA password was asked once");
        } finally {
            result.cancel(true);
        }
    }

    private MtprotoClient client(int mainDc) {
        MtprotoClient client = cluster.clientBuilder().appInfo(AppInfo.of(API_ID)).clock(Clock.systemUTC())
                .mainDc(mainDc).callTimeout(Duration.ofSeconds(20)).build();
        clients.add(client);
        return client;
    }

    /** A client logged in by phone (code, then the 2FA password), as the phone that scans. */
    private MtprotoClient phone() throws Exception {
        MtprotoClient client = client(1);
        TestPhones.logInNow(client, PHONE, PASSWORD);
        return client;
    }
}
