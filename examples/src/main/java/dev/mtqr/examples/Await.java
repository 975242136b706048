package dev.mtqr.examples;

import dev.mtqr.mtproto.client.ConnectionStats;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a call while watching its DC's connection, so that a server nobody answers at (or something that is not
 * an MTProto server) is a network failure (exit 4) within seconds rather than a timeout much later. The client
 * keeps reconnecting by itself, and {@code QrLogin} retries; this is where the command line decides to give up.
 */
final class Await {
    /** How long a DC may refuse connections before the command says it cannot reach it. */
    static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(3);
    /** How long a single call of a command may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    /** The result of {@code call}, or a {@link CommandFailure} (the call is cancelled). */
    static <T> T result(MtprotoClient client, int dc, CompletableFuture<T> call, Duration timeout, String what)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            try {
                return call.get(100, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw Failures.of(e);
            } catch (TimeoutException e) {
                // still waiting: look at the connection
            } catch (InterruptedException e) {
                call.cancel(true);
                throw e;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            ConnectionStats stats = client.stats(dc);
            Throwable last = stats.lastFailure();
            if (last instanceof SecurityCheckException refused) {
                call.cancel(true);
                throw Failures.of(refused);
            }
            if (stats.session() == null && last != null && waited.compareTo(UNREACHABLE_AFTER) >= 0) {
                // refused, timed out, or whatever answers there does not speak MTProto: no session came of it
                call.cancel(true);
                boolean garbled = last instanceof TransportException t && !t.kind().fromServer();
                throw CommandFailure.network("cannot reach " + ConnectOptions.where(client, dc) + ": "
                        + Failures.message(last) + (garbled ? " (what answers there does not speak MTProto)" : ""));
            }
            if (waited.compareTo(timeout) >= 0) {
                call.cancel(true);
                if (stats.connections() == 0) {
                    throw CommandFailure.network("no connection to " + ConnectOptions.where(client, dc) + " within "
                            + human(timeout));
                }
                throw CommandFailure.loginFailed(what + ": no answer within " + human(timeout));
            }
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
