package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run mtqr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mtqr.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @Timeout(60)
    void theDemoShowsARefreshTheMigrationAndTwoFactorAndLogsIn() throws Exception {
        Run run = mtqr("demo");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("QR code 1: "), out);
        assertTrue(out.contains("QR code 2 (refreshed): "), out);
        assertTrue(out.contains("█"), "the code is drawn in the terminal");
        assertTrue(out.contains("expires in "), "a countdown");
        assertTrue(out.contains("phone: scanned the code from its image and accepted it"), out);
        assertTrue(out.contains("2FA: the account has a password"), out);
        assertTrue(out.contains("logged in as Demo User (id 1021234) on dc 2"), out);
        Matcher saved = Pattern.compile("session saved to (\\S+)").matcher(out);
        assertTrue(saved.find(), out);
        Path session = Path.of(saved.group(1));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(session));
        assertTrue(!out.matches("(?s).*token=[A-Za-z0-9_-]{20,}.*"), "the token itself is not printed");
    }

    @Test
    void aBadFlagIsAUsageErrorOnOneLine() {
        Run run = mtqr("demo", "--no-such-flag");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("mtqr: "), run.err());
    }

    @Test
    void helpDescribesTheDemo() {
        Run run = mtqr("demo", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("--interactive"), run.out());
    }
}
