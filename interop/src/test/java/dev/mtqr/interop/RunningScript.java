package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A peer script (GramJS or Telethon) still running, whose stdout and stderr are collected by two threads. */
final class RunningScript implements AutoCloseable {
    private final String script;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    RunningScript(String script, Process process) {
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

    /**
     * The next stdout line that starts with {@code prefix}, waiting up to {@code timeout}; fails the test
     * (with both outputs) if the script ends or the time runs out first.
     */
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
        return new GramJsScript.Run(script, ended ? process.exitValue() : -1, ended, stdout.toString(), stderr.toString());
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
