package dev.mtqr.examples;

import dev.mtqr.testkit.TestCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtqr serve}: the multi-DC test server in a process of its own, for other clients and other processes. It
 * prints {@code dc <id> <host>:<port>} per DC and then {@code ready}, serves until SIGTERM or SIGINT (or
 * {@code --stop-after}), then closes every connection and prints {@code stopped}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the MTProto test server (every DC on its own port) until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--dcs", paramLabel = "N", defaultValue = "2",
            description = "How many DCs (default: ${DEFAULT-VALUE}).")
    int dcs;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "DC n listens on P+n-1 (default: any free ports).")
    int port;

    @Option(names = "--key-out", paramLabel = "FILE",
            description = "Write the servers' RSA public key here, as PKCS#1 PEM, for clients' --rsa-key.")
    Path keyOut;

    @Option(names = "--token-ttl", paramLabel = "S", defaultValue = "30",
            description = "How many seconds a QR login token lives (default: ${DEFAULT-VALUE}).")
    int tokenTtl;

    @Option(names = "--account", paramLabel = "SPEC", converter = AccountSpec.Converter.class,
            description = "PHONE[:PASSWORD[:FIRST_NAME]], PHONE = 99966XYYYY: X is the home DC, the code X five times.")
    List<AccountSpec> accounts = new ArrayList<>();

    @Option(names = "--stop-after", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "Stop by itself after this long (for scripts and tests).")
    Duration stopAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        check();
        PrintWriter out = spec.commandLine().getOut();
        TestCluster.Builder builder = TestCluster.builder().dcs(dcs).host(host).basePort(port)
                .tokenTtl(Duration.ofSeconds(tokenTtl));
        accounts.forEach(a -> builder.account(a.phone(), a.password(), a.firstName()));
        CountDownLatch stop = new CountDownLatch(1);
        try (Signals signals = Signals.onStop(stop::countDown);
             TestCluster cluster = start(builder)) {
            if (keyOut != null) {
                writeKey(cluster.publicKeyPem());
            }
            for (int dc = 1; dc <= dcs; dc++) {
                out.printf("dc %d %s:%d%n", dc, host, cluster.address(dc).getPort());
            }
            out.println("ready");
            out.flush();
            if (stopAfter == null) {
                stop.await();
            } else {
                stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        out.println("stopped");
        out.flush();
        return 0;
    }

    private void check() {
        if (dcs < 1 || dcs > 9) {
            throw CommandFailure.usage("--dcs must be from 1 to 9, not " + dcs);
        }
        if (port < 0 || port + dcs - 1 > 65535) {
            throw CommandFailure.usage("--port " + port + " leaves no room for " + dcs + " DCs");
        }
        if (tokenTtl < 1) {
            throw CommandFailure.usage("--token-ttl must be at least 1 second, not " + tokenTtl);
        }
        for (AccountSpec account : accounts) {
            if (account.homeDc() > dcs) {
                throw CommandFailure.usage("account " + account.phone() + " lives on dc " + account.homeDc()
                        + " but there are only " + dcs + " DCs (--dcs)");
            }
        }
    }

    private static TestCluster start(TestCluster.Builder builder) {
        try {
            return builder.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw CommandFailure.network("cannot listen: " + Failures.message(cause));
        }
    }

    private void writeKey(String pem) {
        try {
            Files.writeString(keyOut, pem, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write --key-out " + keyOut + ": " + Failures.message(e));
        }
    }
}
