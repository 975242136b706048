package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    /** Starts the script; read its lines with {@link Running#nextLine}, then {@link Running#await} it. */
    Running start() {
        try {
            return new Running(name, builder().start());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + PYTHON + " " + name, ex);
        }
    }

    /** Runs the script to its end (or kills it) and returns what it printed. */
    GramJsScript.Run run() throws InterruptedException {
        try (Running running = start()) {
            return running.await(KILL_AFTER);
        }
    }

    /** A script still running, whose stdout and stderr are collected by two threads. */
    static final class Running implements AutoCloseable {
        private final String script;
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuffer stdout = new StringBuffer();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        private Running(String script, Process process) {
            this.script = script;
            this.process = process;
            outReader = pump(process.getInputStream(), stdout, lines, script + "-stdout");
            errReader = pump(process.getErrorStream(), stderr, null, script + "-stderr");
        }

        private static Thread pump(java.io.InputStream in, StringBuffer into, BlockingQueue<String> lines, String name) {
            Thread thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        into.append(line).append('\n');
                        if (lines != null) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // The process was killed: what was read so far is kept.
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        /** The next stdout line starting with {@code prefix}; fails the test if the script ends or time runs out. */
        String nextLine(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = lines.poll(Math.min(200, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
                if (line != null) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                    continue;
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    outReader.join(1000);
                    if (lines.isEmpty()) {
                        fail(script + " ended before printing a line starting with " + prefix + "\n" + describeNow());
                    }
                } else if (System.nanoTime() - deadline >= 0) {
                    fail(script + " printed no line starting with " + prefix + " within " + timeout.toSeconds()
                            + " s\n" + describeNow());
                }
            }
        }

        /** Waits up to {@code timeout} for the script to end (killing it otherwise) and returns what it printed. */
        GramJsScript.Run await(Duration timeout) throws InterruptedException {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            outReader.join(5000);
            errReader.join(5000);
            return new GramJsScript.Run(script, ended ? process.exitValue() : -1, ended, stdout.toString(),
                    stderr.toString());
        }

        private String describeNow() {
            return script + (process.isAlive() ? " is running" : " exited with " + process.exitValue())
                    + "\n--- stdout ---\n" + stdout.toString().stripTrailing()
                    + "\n--- stderr ---\n" + stderr.toString().stripTrailing();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
