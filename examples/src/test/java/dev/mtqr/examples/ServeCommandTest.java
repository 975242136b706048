package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void dcNListensOnPortPlusNMinusOneAndTheKeyIsWrittenAsPkcs1() throws Exception {
        int base = freeRange(3);
        Path key = dir.resolve("key.pem");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mtqr.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--dcs", "3",
                "--port", Integer.toString(base), "--key-out", key.toString(), "--stop-after", "500ms");
        assertEquals(0, exit, err.toString());
        assertEquals(List.of("dc 1 127.0.0.1:" + base, "dc 2 127.0.0.1:" + (base + 1), "dc 3 127.0.0.1:" + (base + 2),
                "ready", "stopped"), out.toString().lines().toList());
        String pem = Files.readString(key);
        assertTrue(pem.startsWith("-----BEGIN RSA PUBLIC KEY-----"), pem);
        assertEquals(2048, RsaPublicKey.parsePem(pem).get(0).n().bitLength());
    }

    @Test
    @Timeout(30)
    void aPortInUseIsANetworkError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            int exit = Mtqr.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve",
                    "--dcs", "1", "--port", Integer.toString(taken.getLocalPort()), "--stop-after", "1s");
            assertEquals(4, exit, err.toString());
            assertTrue(err.toString().startsWith("mtqr: cannot listen"), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }
    }

    @Test
    void anAccountOnADcTheServerDoesNotHaveIsAUsageError() {
        StringWriter err = new StringWriter();
        int exit = Mtqr.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve",
                "--dcs", "2", "--account", "9996631234");
        assertEquals(2, exit);
        assertEquals("mtqr: account 9996631234 lives on dc 3 but there are only 2 DCs (--dcs)", err.toString().strip());
    }

    /** A base port with {@code count} free ports from it (probed; another process could still take one). */
    private static int freeRange(int count) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                base = probe.getLocalPort();
            }
            if (base + count > 65535) {
                continue;
            }
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                    free = s.getLocalPort() == p;
                } catch (java.io.IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no 3 free ports in a row");
    }
}
