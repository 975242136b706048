package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runnable samples of {@code dev.mtqr.examples.samples}, each in its own process against {@code mtqr serve}. */
@Timeout(120)
class SamplesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aTokenExportedByHandIsAcceptedByHandWithAPhoneSession() throws Exception {
        Path key = dir.resolve("key.pem");
        try (MtqrProcess serve = MtqrProcess.mtqr(Map.of(), "serve", "--key-out", key.toString(),
                "--account", "9996621234:hunter2:Alice", "--stop-after", "2m")) {
            List<String> servers = serve.awaitServers(2, WAIT);

            List<String> phoneArgs = new ArrayList<>(List.of(key.toString(), dir.resolve("phone.session").toString(),
                    "9996621234", "hunter2"));
            phoneArgs.addAll(servers);
            MtqrProcess phone = MtqrProcess.sample("dev.mtqr.examples.samples.PhoneLogin",
                    phoneArgs.toArray(String[]::new));
            assertEquals(0, phone.exit(WAIT), phone.err());
            assertEquals(List.of("logged in as Alice (id 1021234) on dc 2"), phone.out());

            MtqrProcess export = MtqrProcess.sample("dev.mtqr.examples.samples.ExportLoginToken", key.toString(),
                    dir.resolve("device.session").toString(), "17", "0123abcd", servers.get(0));
            assertEquals(0, export.exit(WAIT), export.err());
            assertEquals(2, export.out().size(), export.out().toString());
            String url = export.out().get(0);
            assertTrue(url.matches("tg://login\\?token=[A-Za-z0-9_-]{20,}"), url);
            Matcher expires = Pattern.compile("expires \\S+Z \\(in (\\d+) s\\)").matcher(export.out().get(1));
            assertTrue(expires.matches(), export.out().get(1));
            int left = Integer.parseInt(expires.group(1));
            assertTrue(left >= 25 && left <= 31, "the default 30 s token, by the server's clock: " + left);

            MtqrProcess accept = MtqrProcess.sample("dev.mtqr.examples.samples.AcceptLoginToken", key.toString(),
                    dir.resolve("phone.session").toString(), url);
            assertEquals(0, accept.exit(WAIT), accept.err());
            assertEquals(List.of("accepted: api 17 on mtqr " + System.getProperty("os.arch")), accept.out());

            for (MtqrProcess p : List.of(phone, export, accept)) {
                p.assertNoLeaks();
            }
            serve.terminate();
            assertEquals(0, serve.exit(WAIT));
        }
    }
}
