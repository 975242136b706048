package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code mtqr.jar} (or one of its samples) in a process of its own, as a script would run it: standard
 * output read line by line as it comes, standard error kept. Netty's leak detection runs at PARANOID in the child;
 * {@link #assertNoLeaks()} looks for its reports. A process left running is killed when the test closes it.
 */
final class MtqrProcess implements AutoCloseable {
    private static final String EOF = "\u0000eof";
    private static final Pattern DC_LINE = Pattern.compile("dc (\\d) (127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final List<String> command;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> out = new ArrayList<>();
    private final StringBuffer err = new StringBuffer();
    private final Thread errReader;

    private MtqrProcess(List<String> command, Map<String, String> env) throws IOException {
        this(command, env, false);
    }

    private MtqrProcess(List<String> command, Map<String, String> env, boolean input) throws IOException {
        this.command = command;
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!input) {
            builder.redirectInput(ProcessBuilder.Redirect.from(devNull()));
        }
        builder.environment().remove("MTQR_API_ID");
        builder.environment().remove("MTQR_API_HASH");
        builder.environment().putAll(env);
        process = builder.start();
        Thread outReader = reader(process.getInputStream(), input, line -> lines.add(line), () -> lines.add(EOF));
        errReader = reader(process.getErrorStream(), false, line -> err.append(line).append('\n'), () -> { });
        outReader.start();
        errReader.start();
    }

    /** {@code java -jar mtqr.jar args}. */
    static MtqrProcess mtqr(Map<String, String> env, String... args) throws IOException {
        List<String> command = java();
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return new MtqrProcess(command, env);
    }

    /**
     * {@code java -jar mtqr.jar args} on a terminal of its own ({@code script} gives it a pseudo-terminal, so that
     * {@code System.console()} is there): what it prints, standard error included, comes back as lines without
     * their carriage returns, and {@link #type} types on its keyboard.
     */
    static MtqrProcess onTerminal(String... args) throws IOException {
        List<String> words = java();
        words.add("-jar");
        words.add(jar().toString());
        words.addAll(List.of(args));
        String line = String.join(" ", words.stream().map(MtqrProcess::quote).toList());
        return new MtqrProcess(List.of("script", "-q", "-f", "-e", "-c", line, "/dev/null"), Map.of(), true);
    }

    /** Types {@code text} on the terminal of a process started {@link #onTerminal}. */
    void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** {@code java -cp mtqr.jar mainClass args}, for the samples. */
    static MtqrProcess sample(String mainClass, String... args) throws IOException {
        List<String> command = java();
        command.add("-cp");
        command.add(jar().toString());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new MtqrProcess(command, Map.of());
    }

    /** Runs {@code mtqr args} to its end (at most a minute) and returns it. */
    static MtqrProcess run(Map<String, String> env, String... args) throws Exception {
        MtqrProcess p = mtqr(env, args);
        p.exit(Duration.ofSeconds(60));
        return p;
    }

    /** The next line of standard output that {@code wanted} accepts (lines before it are kept in {@link #out}). */
    String awaitLine(Predicate<String> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                if (line != null) {
                    lines.add(EOF);
                }
                return fail((line == null ? "no such line within " + within : "the process ended without the line")
                        + " from " + command.subList(command.size() - 3, command.size()) + "\nout: " + out
                        + "\nerr: " + err);
            }
            out.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /**
     * For {@code mtqr serve}: its {@code dc <id> <host>:<port>} lines, checked to come in DC order and to end with
     * {@code ready}, as the {@code ID@HOST:PORT} values that {@code --server} takes.
     */
    List<String> awaitServers(int dcs, Duration within) throws InterruptedException {
        List<String> servers = new ArrayList<>();
        for (int dc = 1; dc <= dcs; dc++) {
            Matcher m = DC_LINE.matcher(awaitLine(l -> true, within));
            assertTrue(m.matches() && Integer.parseInt(m.group(1)) == dc, "dc " + dc + "'s line: " + out);
            servers.add(dc + "@" + m.group(2));
        }
        assertEquals("ready", awaitLine(l -> true, within), out::toString);
        return servers;
    }

    /** Waits for the end, at most {@code within}, and returns the exit code; all output has been read then. */
    int exit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("still running after " + within + ": " + command + "\nout: " + out + lines + "\nerr: " + err);
        }
        String line;
        while (!(line = lines.take()).equals(EOF)) {
            out.add(line);
        }
        lines.add(EOF);
        errReader.join(5000);
        return process.exitValue();
    }

    /**
     * Sends SIGTERM with {@code kill}, as a shell would: {@code Process.destroy()} would also close the pipes, and
     * what the process prints while it stops would be lost.
     */
    void terminate() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            fail("kill -TERM " + process.pid() + " failed");
        }
    }

    /** Standard output lines read so far. */
    List<String> out() {
        return out;
    }

    /** Standard error so far. */
    String err() {
        return err.toString();
    }

    void assertNoLeaks() {
        assertFalse(err().contains("LEAK:"), "Netty reported a leak:\n" + err());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** Reads lines; with {@code prompts}, a line that stops at ": " with nothing after it yet is one too. */
    private static Thread reader(InputStream in, boolean prompts, java.util.function.Consumer<String> each,
            Runnable atEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = reader.read()) != -1) {
                    if (c == '\n') {
                        each.accept(line.toString());
                        line.setLength(0);
                    } else if (c != '\r') {
                        line.append((char) c);
                        // a prompt ("password: ") waits for input without ending its line
                        boolean prompt = c == ' ' && line.length() > 1 && line.charAt(line.length() - 2) == ':';
                        if (prompts && prompt && !reader.ready()) {
                            each.accept(line.toString());
                            line.setLength(0);
                        }
                    }
                }
                if (line.length() > 0) {
                    each.accept(line.toString());
                }
            } catch (IOException e) {
                each.accept("(reading failed: " + e + ")");
            } finally {
                atEnd.run();
            }
        }, "mtqr-process-reader");
        t.setDaemon(true);
        return t;
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dio.netty.leakDetection.level=paranoid");
        command.add("-Xshare:auto");
        return command;
    }

    private static Path jar() {
        String property = System.getProperty("mtqr.jar");
        if (property == null) {
            fail("the system property mtqr.jar is not set: these tests run in failsafe (mvn verify)");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": the integration tests run after mvn package");
        }
        return jar;
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }
}
