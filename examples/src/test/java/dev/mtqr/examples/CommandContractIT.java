package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mtqr} contract of DESIGN.md across processes: {@code mtqr serve} in one, {@code mtqr login} in another,
 * {@code mtqr accept} in a third with the session a phone login (the {@code PhoneLogin} sample, a fourth) created,
 * then {@code whoami}; output lines and exit codes are checked as a script would see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CommandContractIT {
    private static final Duration START = Duration.ofSeconds(30);
    private static final String ALICE = "9996621234";   // home DC 2, 2FA password
    private static final String BOB = "9996611111";     // home DC 1, no password

    @TempDir
    static Path dir;

    private MtqrProcess serve;
    private final List<String> servers = new ArrayList<>();
    private Path key;

    @BeforeAll
    void startTheServer() throws Exception {
        key = dir.resolve("key.pem");
        serve = MtqrProcess.mtqr(Map.of(), "serve", "--key-out", key.toString(), "--token-ttl", "30",
                "--account", ALICE + ":hunter2:Alice", "--account", BOB + "::Bob", "--stop-after", "10m");
        for (String server : serve.awaitServers(2, START)) {
            servers.add("--server");
            servers.add(server);
        }
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PUBLIC KEY-----"), "PKCS#1 PEM");
    }

    @AfterAll
    void stopTheServer() throws Exception {
        serve.terminate();
        assertEquals(0, serve.exit(Duration.ofSeconds(20)), serve.err());
        assertEquals("stopped", serve.out().get(serve.out().size() - 1), "SIGTERM stops it cleanly: " + serve.out());
        serve.assertNoLeaks();
        serve.close();
    }

    @Test
    void aPhoneSessionAcceptsTheCodeOfALoginInAnotherProcessThroughMigrationAnd2fa() throws Exception {
        Path phone = phoneSession(ALICE, "hunter2");
        Path device = dir.resolve("device.session");
        Path png = dir.resolve("code.png");
        try (MtqrProcess login = MtqrProcess.mtqr(Map.of("ALICE_PASSWORD", "hunter2"),
                args("login", "--api-id", "17", "--api-hash", "0123abcd", "--session", device.toString(),
                        "--qr", "png:" + png, "--password-env", "ALICE_PASSWORD", "--timeout", "90s"))) {
            String url = login.awaitLine(l -> true, START);
            assertTrue(url.matches("tg://login\\?token=[A-Za-z0-9_-]{20,}"), "the first line is the URL: " + url);
            assertEquals(url, SimulatedPhone.decode(Files.readAllBytes(png)), "the PNG shows the same code");

            MtqrProcess accept = MtqrProcess.run(Map.of(), args("accept", url, "--session", phone.toString()));
            assertEquals(0, accept.exit(Duration.ofSeconds(1)), accept.err());
            assertEquals(List.of("accepted: api 17 0.1.0 on mtqr " + System.getProperty("os.arch") + " (api_id 17)"),
                    accept.out());

            assertEquals(0, login.exit(Duration.ofSeconds(60)), login.err());
            assertEquals("logged in as Alice (id 1021234) on dc 2", last(login.out()),
                    "migrated to DC 2 and answered the password: " + login.out());
            assertTrue(login.out().stream().limit(login.out().size() - 1L)
                    .allMatch(l -> l.startsWith("tg://login?token=")), "only URLs before it: " + login.out());
            login.assertNoLeaks();
            accept.assertNoLeaks();
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(device));

        MtqrProcess whoami = MtqrProcess.run(Map.of(), args("whoami", "--session", device.toString()));
        assertEquals(0, whoami.exit(Duration.ofSeconds(1)), whoami.err());
        assertEquals(List.of("logged in as Alice (id 1021234) on dc 2"), whoami.out());

        MtqrProcess again = MtqrProcess.run(Map.of(), args("login", "--api-id", "17", "--api-hash", "0123abcd",
                "--session", device.toString(), "--qr", "none"));
        assertEquals(0, again.exit(Duration.ofSeconds(1)), again.err());
        assertEquals(List.of("logged in as Alice (id 1021234) on dc 2"), again.out(), "the session is reused");
    }

    @Test
    void theCodeIsRefreshedBeforeItExpiresAndALoginNobodyScansEndsWithExit3() throws Exception {
        MtqrProcess shortServe = MtqrProcess.mtqr(Map.of(), "serve", "--dcs", "1", "--token-ttl", "3",
                "--key-out", dir.resolve("short.pem").toString(), "--stop-after", "2m");
        try (shortServe) {
            String server = shortServe.awaitServers(1, START).get(0);
            MtqrProcess login = MtqrProcess.run(Map.of(), "login", "--api-id", "17", "--api-hash", "x",
                    "--server", server, "--rsa-key", dir.resolve("short.pem").toString(),
                    "--qr", "terminal", "--timeout", "8s");
            assertEquals(3, login.exit(Duration.ofSeconds(1)), login.err());
            List<String> urls = login.out();
            assertTrue(urls.size() >= 2, "a 3 s code is refreshed within 8 s: " + urls);
            assertTrue(urls.stream().allMatch(l -> l.startsWith("tg://login?token=")), urls.toString());
            assertNotEquals(urls.get(0), urls.get(1));
            assertTrue(login.err().contains("█") || login.err().contains("▀"), "drawn on standard error");
            assertEquals("mtqr: no login within 8 s", lastLine(login.err()));
            shortServe.terminate();
            assertEquals(0, shortServe.exit(Duration.ofSeconds(20)));
        }
    }

    @Test
    void onATerminalThePasswordIsAskedAndAskedAgainAfterAWrongOne() throws Exception {
        Path phone = phoneSession(ALICE, "hunter2");
        try (MtqrProcess login = MtqrProcess.onTerminal(args("login", "--api-id", "17", "--api-hash", "x",
                "--timeout", "90s"))) {
            String url = login.awaitLine(l -> l.startsWith("tg://login?token="), START);
            assertTrue(login.out().stream().anyMatch(l -> l.contains("█")), "the code is drawn on the terminal");
            assertEquals(0, MtqrProcess.run(Map.of(), args("accept", url, "--session", phone.toString()))
                    .exit(Duration.ofSeconds(1)));
            login.awaitLine(l -> l.startsWith("2FA password"), START);
            login.type("not-it\n");
            login.awaitLine(l -> l.startsWith("wrong password; 2FA password"), START);
            login.type("hunter2\n");
            login.awaitLine("logged in as Alice (id 1021234) on dc 2"::equals, START);
            assertEquals(0, login.exit(Duration.ofSeconds(30)));
            assertTrue(login.out().stream().noneMatch(l -> l.contains("hunter2") || l.contains("not-it")),
                    "the password is not echoed: " + login.out());
        }
    }

    @Test
    void aWrongPasswordFromTheEnvironmentEndsWithExit3AndOneLine() throws Exception {
        Path phone = phoneSession(ALICE, "hunter2");
        try (MtqrProcess login = MtqrProcess.mtqr(Map.of("PW", "not-it"), args("login", "--api-id", "17",
                "--api-hash", "x", "--qr", "none", "--password-env", "PW", "--timeout", "60s"))) {
            String url = login.awaitLine(l -> true, START);
            MtqrProcess accept = MtqrProcess.run(Map.of(), args("accept", url, "--session", phone.toString()));
            assertEquals(0, accept.exit(Duration.ofSeconds(1)), accept.err());
            assertEquals(3, login.exit(Duration.ofSeconds(60)));
            assertEquals("mtqr: the 2FA password in $PW is wrong (PASSWORD_HASH_INVALID)", login.err().strip());
        }
    }

    @Test
    void acceptingACodeTwiceOrAnInvalidOneEndsWithExit3() throws Exception {
        Path phone = phoneSession(BOB, "-");
        try (MtqrProcess login = MtqrProcess.mtqr(Map.of(), args("login", "--api-id", "17", "--api-hash", "x",
                "--qr", "svg:" + dir.resolve("code.svg"), "--transport", "abridged", "--obfuscated",
                "--timeout", "60s"))) {
            String url = login.awaitLine(l -> true, START);
            assertTrue(Files.readString(dir.resolve("code.svg")).contains("<svg"), "the SVG is written first");
            assertEquals(0, MtqrProcess.run(Map.of(), args("accept", url, "--session", phone.toString()))
                    .exit(Duration.ofSeconds(1)));
            assertEquals(0, login.exit(Duration.ofSeconds(60)), login.err());
            assertEquals("logged in as Bob (id 1011111) on dc 1", last(login.out()));

            MtqrProcess twice = MtqrProcess.run(Map.of(), args("accept", url, "--session", phone.toString()));
            assertEquals(3, twice.exit(Duration.ofSeconds(1)));
            assertTrue(twice.err().startsWith("mtqr: the login code"), twice.err());
            assertEquals(1, twice.err().strip().lines().count(), twice.err());
        }
        MtqrProcess forged = MtqrProcess.run(Map.of(), args("accept", "tg://login?token=AAAAAAAAAAAAAAAAAAAAAA",
                "--session", phone.toString()));
        assertEquals(3, forged.exit(Duration.ofSeconds(1)));
        assertEquals("mtqr: the login code is not valid (AUTH_TOKEN_INVALID)", forged.err().strip());
    }

    @Test
    void badFlagsAndBadUrlsAreUsageErrorsOnOneLine() throws Exception {
        Path phone = phoneSession(BOB, "-");
        List<String[]> cases = List.of(
                new String[] {"accept", "https://example.com/?token=abc", "--session", phone.toString()},
                new String[] {"accept", "tg://login?token=not*base64", "--session", phone.toString()},
                new String[] {"login", "--api-id", "17", "--api-hash", "x", "--server", "one@localhost"},
                new String[] {"login", "--api-id", "17", "--api-hash", "x", "--transport", "carrier-pigeon"},
                new String[] {"login", "--api-hash", "x"},
                new String[] {"login", "--api-id", "17", "--api-hash", "x", "--transport", "full", "--obfuscated"},
                new String[] {"login", "--api-id", "17", "--api-hash", "x", "--timeout", "soon"},
                new String[] {"serve", "--account", "555-0100"},
                new String[] {"whoami"},
                new String[] {"frobnicate"});
        for (String[] bad : cases) {
            MtqrProcess run = MtqrProcess.run(Map.of(), bad);
            assertEquals(2, run.exit(Duration.ofSeconds(1)), String.join(" ", bad) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.err().startsWith("mtqr: "), run.err());
            assertTrue(run.out().isEmpty(), run.out().toString());
        }
    }

    @Test
    void aServerNobodyListensAtEndsWithExit4() throws Exception {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        MtqrProcess login = MtqrProcess.run(Map.of(), "login", "--api-id", "17", "--api-hash", "x",
                "--server", "1@127.0.0.1:" + closed, "--rsa-key", key.toString(), "--qr", "none");
        assertEquals(4, login.exit(Duration.ofSeconds(1)), login.err());
        assertTrue(login.err().startsWith("mtqr: cannot reach dc 1 at 127.0.0.1:" + closed), login.err());
        assertEquals(1, login.err().strip().lines().count(), login.err());
    }

    @Test
    void aServerThatDoesNotSpeakMtprotoEndsWithExit4() throws Exception {
        try (java.net.ServerSocket http = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!http.isClosed()) {
                    try (java.net.Socket s = http.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.getInputStream().read(new byte[256]);
                    } catch (java.io.IOException e) {
                        // closed: the test is over
                    }
                }
            }, "http-pretender");
            answering.setDaemon(true);
            answering.start();
            MtqrProcess login = MtqrProcess.run(Map.of(), "login", "--api-id", "17", "--api-hash", "x",
                    "--server", "2@127.0.0.1:" + http.getLocalPort(), "--rsa-key", key.toString(), "--qr", "none");
            assertEquals(4, login.exit(Duration.ofSeconds(1)), login.err());
            assertTrue(login.err().startsWith("mtqr: cannot reach dc 2 at 127.0.0.1:" + http.getLocalPort()),
                    login.err());
            assertTrue(login.err().contains("does not speak MTProto: it answered \"HTTP/1.1 400 Bad Request\""),
                    login.err());
            assertEquals(1, login.err().strip().lines().count(), login.err());
        }
    }

    @Test
    void aServerThatNeverAnswersEndsWithExit4WithinTwentySeconds() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread accepting = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException e) {
                        // closed: the test is over
                    }
                }
            }, "silent-server");
            accepting.setDaemon(true);
            accepting.start();
            long start = System.nanoTime();
            MtqrProcess login = MtqrProcess.run(Map.of(), "login", "--api-id", "17", "--api-hash", "x",
                    "--server", "1@127.0.0.1:" + silent.getLocalPort(), "--rsa-key", key.toString(), "--qr", "none",
                    "--timeout", "60s");
            assertEquals(4, login.exit(Duration.ofSeconds(20)), login.err());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
            assertEquals("mtqr: cannot reach dc 1 at 127.0.0.1:" + silent.getLocalPort() + ": no answer within 10 s",
                    login.err().strip());
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aServerWithAnotherKeyEndsWithExit4() throws Exception {
        MtqrProcess login = MtqrProcess.run(Map.of(), "login", "--api-id", "17", "--api-hash", "x",
                "--server", servers.get(1), "--qr", "none");   // Telegram's key, not this server's
        assertEquals(4, login.exit(Duration.ofSeconds(1)), login.err());
        assertTrue(login.err().startsWith("mtqr: the key exchange failed: FINGERPRINT"), login.err());
        assertEquals(1, login.err().strip().lines().count(), login.err());
    }

    /** A session logged in by phone number in a process of its own (the PhoneLogin sample). */
    private Path phoneSession(String phone, String password) throws Exception {
        Path session = Files.createTempFile(dir, "phone", ".session");
        Files.delete(session);
        List<String> sampleArgs = new ArrayList<>(List.of(key.toString(), session.toString(), phone, password));
        for (int i = 1; i < servers.size(); i += 2) {
            sampleArgs.add(servers.get(i));
        }
        try (MtqrProcess p = MtqrProcess.sample("dev.mtqr.examples.samples.PhoneLogin",
                sampleArgs.toArray(String[]::new))) {
            assertEquals(0, p.exit(Duration.ofSeconds(60)), p.err());
            assertTrue(last(p.out()).startsWith("logged in as "), p.out().toString());
        }
        return session;
    }

    /** {@code command}, then this cluster's servers and key. */
    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(servers);
        all.add("--rsa-key");
        all.add(key.toString());
        return all.toArray(String[]::new);
    }

    private static String last(List<String> lines) {
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return last(lines);
    }
}
