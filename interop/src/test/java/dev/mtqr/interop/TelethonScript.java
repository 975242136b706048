package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Python script of {@code interop/telethon} run with Debian's {@code /usr/bin/python3} and its
 * {@code python3-telethon} (1.25.1) against one DC of the testkit. What it printed comes back as a
 * {@link GramJsScript.Run}, whose JSON result line has the same shape.
 */
final class TelethonScript {
    /** Debian's interpreter: python3-telethon installs into /usr/lib/python3/dist-packages, which only it sees. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_AFTER = SCRIPT_TIMEOUT.plusSeconds(30);

    private final String name;
    private final Map<String, String> env = new LinkedHashMap<>();

    private TelethonScript(String name) {
        this.name = name;
        env.put("MTQR_TIMEOUT_MS", Long.toString(SCRIPT_TIMEOUT.toMillis()));
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
    }

    static TelethonScript named(String name) {
        return new TelethonScript(name);
    }

    /** Starts the script on DC {@code dcId} at {@code address}, trusting {@code pem} (PKCS#1). */
    TelethonScript dc(int dcId, InetSocketAddress address, String pem) {
        env.put("MTQR_DC_ID", Integer.toString(dcId));
        env.put("MTQR_HOST", address.getAddress().getHostAddress());
        env.put("MTQR_PORT", Integer.toString(address.getPort()));
        env.put("MTQR_RSA_PEM", pem);
        return this;
    }

    TelethonScript env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    private ProcessBuilder builder() {
        String gramJs = System.getProperty("mtqr.gramjs.dir");
        Path folder = (System.getProperty("mtqr.telethon.dir") != null ? Path.of(System.getProperty("mtqr.telethon.dir"))
                : gramJs != null ? Path.of(gramJs).resolveSibling("telethon") : Path.of("telethon"))
                .toAbsolutePath().normalize();
        Path script = folder.resolve(name);
        if (!Files.isRegularFile(script)) {
            fail("no Telethon script " + script);
        }
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: the Telethon interop tests need Debian's python3 and python3-telethon"
                    + " (apt-get install python3-telethon)");
        }
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-s", script.toString())
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("PYTHONPATH");
        builder.environment().remove("PYTHONHOME");
        builder.environment().putAll(env);
        return builder;
    }

    /** Starts the script; read its lines with {@link RunningScript#nextLine}, then {@link RunningScript#await} it. */
    RunningScript start() {
        try {
            return new RunningScript(name, builder().start());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + PYTHON + " " + name, ex);
        }
    }

    /** Runs the script to its end (or kills it) and returns what it printed. */
    GramJsScript.Run run() throws InterruptedException {
        try (RunningScript running = start()) {
            return running.await(KILL_AFTER);
        }
    }
}
