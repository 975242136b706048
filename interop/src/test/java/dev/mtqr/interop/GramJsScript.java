package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node script of {@code interop/gramjs} run as a subprocess against one DC, with what it printed. The scripts
 * need {@code npm ci --prefix interop/gramjs}; without it {@link #run} fails the test and says so.
 *
 * <pre>{@code
 * GramJsScript.Run run = GramJsScript.named("handshake.js")
 *         .dc(2, cluster.address(2), cluster.publicKey()).env("MTQR_TRANSPORT", "full").run();
 * assertEquals(0, run.exitCode(), run::describe);
 * }</pre>
 */
final class GramJsScript {
    /** What node may take before it is killed; the scripts stop themselves well before (MTQR_TIMEOUT_MS). */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_AFTER = SCRIPT_TIMEOUT.plusSeconds(30);

    private final String name;
    private final Map<String, String> env = new LinkedHashMap<>();

    private GramJsScript(String name) {
        this.name = name;
        env.put("MTQR_TIMEOUT_MS", Long.toString(SCRIPT_TIMEOUT.toMillis()));
    }

    /** The script {@code name} in the GramJS folder. */
    static GramJsScript named(String name) {
        return new GramJsScript(name);
    }

    /** Points the script at DC {@code dcId} on {@code address}, with the cluster's {@code key}. */
    GramJsScript dc(int dcId, InetSocketAddress address, RsaPublicKey key) {
        env.put("MTQR_DC_ID", Integer.toString(dcId));
        env.put("MTQR_HOST", address.getAddress().getHostAddress());
        env.put("MTQR_PORT", Integer.toString(address.getPort()));
        env.put("MTQR_RSA_N", key.n().toString());
        env.put("MTQR_RSA_E", key.e().toString());
        env.put("MTQR_RSA_FINGERPRINT", Long.toString(key.fingerprint()));
        return this;
    }

    /** Lets the script reach every DC of {@code cluster} (MTQR_DC_PORTS), for a migration. */
    GramJsScript allDcs(dev.mtqr.testkit.TestCluster cluster) {
        StringBuilder ports = new StringBuilder();
        for (var dc : cluster.dcs()) {
            ports.append(ports.length() == 0 ? "" : ",").append(dc.id()).append('=').append(cluster.address(dc.id()).getPort());
        }
        env.put("MTQR_DC_PORTS", ports.toString());
        return this;
    }

    /** Sets one more environment variable for the script. */
    GramJsScript env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /**
     * Starts the script without waiting for it: its stdout lines can be read as they come ({@link RunningScript#nextLine}),
     * then {@link RunningScript#await} gives the {@link Run}. Close the handle to kill it if the test ends early.
     */
    RunningScript start() {
        Path folder = checkedFolder();
        Path node = nodeOnPath();
        Path script = folder.resolve(name);
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        try {
            return new RunningScript(name, builder.start());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + node + " " + script, ex);
        }
    }

    private Path checkedFolder() {
        Path folder = gramJsFolder();
        Path script = folder.resolve(name);
        if (!Files.isRegularFile(script)) {
            fail("no GramJS script " + script);
        }
        if (!Files.isRegularFile(folder.resolve("node_modules/telegram/package.json"))) {
            fail("GramJS is not installed in " + folder.resolve("node_modules")
                    + ": run `npm ci --prefix interop/gramjs` from the repository root first");
        }
        return folder;
    }

    /** Runs the script to its end (or kills it after {@link #KILL_AFTER}) and returns what it printed. */
    Run run() {
        Path folder = checkedFolder();
        Path script = folder.resolve(name);
        Path node = nodeOnPath();
        try {
            Path stdout = Files.createTempFile("gramjs-", ".out");
            Path stderr = Files.createTempFile("gramjs-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                        .directory(folder.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                boolean ended = process.waitFor(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                return new Run(name, ended ? process.exitValue() : -1, ended,
                        Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + node + " " + script, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", ex);
        }
    }

    private static Path gramJsFolder() {
        String configured = System.getProperty("mtqr.gramjs.dir");
        return (configured != null ? Path.of(configured) : Path.of("gramjs")).toAbsolutePath().normalize();
    }

    private static Path nodeOnPath() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, "node");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("no `node` on PATH (" + path + "): the GramJS interop tests need Node.js 18 or newer");
    }

    /**
     * How a script ended and what it printed.
     *
     * @param script   the script's file name
     * @param exitCode its exit code (-1 if it was killed)
     * @param ended    whether it ended by itself
     * @param stdout   everything on its standard output
     * @param stderr   everything on its standard error
     */
    record Run(String script, int exitCode, boolean ended, String stdout, String stderr) {
        private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+|true|false)");

        /** The fields of the last line of stdout, a flat JSON object of strings, numbers and booleans. */
        Map<String, String> result() {
            String[] lines = stdout.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            if (!last.startsWith("{") || !last.endsWith("}")) {
                fail(script + " printed no JSON result line\n" + describe());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = FIELD.matcher(last);
            while (matcher.find()) {
                String value = matcher.group(2);
                fields.put(matcher.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            return fields;
        }

        /** A field of {@link #result()}, which must be there. */
        String field(String name) {
            String value = result().get(name);
            if (value == null) {
                fail(script + " printed no \"" + name + "\"\n" + describe());
            }
            return value;
        }

        /** The exit code and both outputs, for an assertion message. */
        String describe() {
            return script + (ended ? " exited with " + exitCode : " was killed after " + KILL_AFTER.toSeconds() + " s")
                    + "\n--- stdout ---\n" + stdout.stripTrailing()
                    + "\n--- stderr ---\n" + stderr.stripTrailing();
        }
    }
}
