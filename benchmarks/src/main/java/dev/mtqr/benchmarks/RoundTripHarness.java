package dev.mtqr.benchmarks;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.tl.api.HelpGetNearestDc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end round trips on one loopback connection against the embedded test server: throughput with 64 calls
 * in flight, and sequential latency (p50/p99), for {@code help.getNearestDc}. With {@code --gramjs DIR} the same
 * is measured for GramJS against the same server in the same run ({@code DIR/bench.js}), and the ratio printed.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.mtqr.benchmarks.RoundTripHarness [--calls N] [--gramjs interop/gramjs]}</pre>
 */
public final class RoundTripHarness {
    private static final Logger LOG = LoggerFactory.getLogger(RoundTripHarness.class);
    private static final int IN_FLIGHT = 64;

    private RoundTripHarness() {
    }

    public static void main(String[] args) throws Exception {
        int calls = 20_000;
        int sequential = 2_000;
        Path gramjs = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--sequential" -> sequential = Integer.parseInt(args[++i]);
                case "--gramjs" -> gramjs = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (TestCluster cluster = TestCluster.builder().dcs(1).start()) {
            Result ours = measureOurs(cluster, calls, sequential);
            LOG.info(ours.describe("mtqr"));
            if (gramjs != null) {
                Result theirs = measureGramJs(cluster, gramjs, calls, sequential);
                LOG.info(theirs.describe("gramjs"));
                LOG.info(String.format(Locale.ROOT, "ratio mtqr/gramjs: throughput %.2fx, p50 latency %.2fx",
                        ours.perSecond / theirs.perSecond, theirs.p50Micros / ours.p50Micros));
            }
        }
    }

    private static Result measureOurs(TestCluster cluster, int calls, int sequential) throws Exception {
        try (MtprotoClient client = MtprotoClient.builder()
                .dc(new DcAddress(1, "127.0.0.1", cluster.address(1).getPort()))
                .serverKeys(List.of(cluster.publicKey()))
                .transport(TransportKind.FULL, false)
                .appInfo(AppInfo.of(1))
                .callTimeout(Duration.ofSeconds(60))
                .build()) {
            pipelined(client, Math.min(calls, 5_000));
            long start = System.nanoTime();
            pipelined(client, calls);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] latencies = new long[sequential];
            for (int i = 0; i < sequential; i++) {
                long t = System.nanoTime();
                client.invoke(new HelpGetNearestDc()).get(60, TimeUnit.SECONDS);
                latencies[i] = System.nanoTime() - t;
            }
            Arrays.sort(latencies);
            return new Result(calls / seconds, latencies[sequential / 2] / 1e3, latencies[sequential * 99 / 100] / 1e3);
        }
    }

    private static void pipelined(MtprotoClient client, int calls) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CompletableFuture<?>[] all = new CompletableFuture<?>[calls];
        for (int i = 0; i < calls; i++) {
            slots.acquire();
            all[i] = client.invoke(new HelpGetNearestDc()).whenComplete((v, e) -> slots.release());
        }
        CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
    }

    private static Result measureGramJs(TestCluster cluster, Path dir, int calls, int sequential)
            throws IOException, InterruptedException {
        RsaPublicKey key = cluster.publicKey();
        ProcessBuilder node = new ProcessBuilder("node", dir.resolve("bench.js").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        node.environment().put("MTQR_DC_ID", "1");
        node.environment().put("MTQR_HOST", "127.0.0.1");
        node.environment().put("MTQR_PORT", String.valueOf(cluster.address(1).getPort()));
        node.environment().put("MTQR_RSA_N", key.n().toString());
        node.environment().put("MTQR_RSA_E", key.e().toString());
        node.environment().put("MTQR_RSA_FINGERPRINT", Long.toString(key.fingerprint()));
        node.environment().put("MTQR_TRANSPORT", "full");
        node.environment().put("MTQR_TIMEOUT_MS", "600000");
        node.environment().put("MTQR_CALLS", String.valueOf(calls));
        node.environment().put("MTQR_SEQUENTIAL", String.valueOf(sequential));
        node.environment().put("MTQR_IN_FLIGHT", String.valueOf(IN_FLIGHT));
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("run npm ci --prefix " + dir + " first");
        }
        Process process = node.start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || last == null) {
            throw new IllegalStateException("the GramJS benchmark failed: " + last);
        }
        // {"perSecond":…, "p50Micros":…, "p99Micros":…}
        return new Result(number(last, "perSecond"), number(last, "p50Micros"), number(last, "p99Micros"));
    }

    private static double number(String json, String field) {
        int at = json.indexOf("\"" + field + "\"");
        int start = json.indexOf(':', at) + 1;
        int end = start;
        while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0 || end < json.length()
                && json.charAt(end) == ' ') {
            end++;
        }
        return Double.parseDouble(json.substring(start, end).trim());
    }

    private record Result(double perSecond, double p50Micros, double p99Micros) {
        String describe(String who) {
            return String.format(Locale.ROOT, "%s: %.0f calls/s with %d in flight; sequential p50 %.0f us, p99 %.0f us",
                    who, perSecond, IN_FLIGHT, p50Micros, p99Micros);
        }
    }
}
