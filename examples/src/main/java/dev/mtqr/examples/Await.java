package dev.mtqr.examples;

import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.ConnectionListener;
import dev.mtqr.mtproto.client.ConnectionState;
import dev.mtqr.mtproto.client.MtprotoClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a call while listening to the client's connection states, so that a DC nobody answers at (or something
 * that is not an MTProto server) is a network failure (exit 4) as soon as the client knows it, rather than a timeout
 * much later. A DC that never became ready in this run gives up at its first failed attempt; one that was ready and
 * dropped is left to reconnect by itself.
 */
final class Await {
    /** How long a single call of a command may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    /** The result of {@code call}, or a {@link CommandFailure} (the call is cancelled). */
    static <T> T result(MtprotoClient client, int dc, CompletableFuture<T> call, Duration timeout, String what)
            throws InterruptedException {
        CompletableFuture<CommandFailure> unreachable = new CompletableFuture<>();
        Set<Integer> ready = ConcurrentHashMap.newKeySet();
        for (int known : client.dcs().keySet()) {
            if (client.connectionState(known) instanceof ConnectionState.Ready) {
                ready.add(known);
            }
        }
        ConnectionListener.Registration listening = client.addConnectionListener((id, state) -> {
            if (state instanceof ConnectionState.Ready) {
                ready.add(id);
            } else if (state instanceof ConnectionState.Failed failed) {
                unreachable.complete(network(failed.cause()));
            } else if (state instanceof ConnectionState.RetryingIn retrying && !ready.contains(id)) {
                unreachable.complete(network(retrying.cause()));
            }
        });
        try {
            if (client.connectionState(dc) instanceof ConnectionState.Failed failed) {
                unreachable.complete(network(failed.cause()));
            }
            CompletableFuture.anyOf(call, unreachable).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (unreachable.isDone() && !call.isDone()) {
                call.cancel(true);
                throw unreachable.join();
            }
            return call.get();
        } catch (ExecutionException e) {
            throw Failures.of(e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw CommandFailure.loginFailed(what + ": no answer within " + human(timeout));
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } finally {
            listening.close();
        }
    }

    /** The command's line for a connection that failed. */
    static CommandFailure network(ConnectionFailedException failure) {
        if (failure.reason() == ConnectionFailedException.Reason.KEY_EXCHANGE_REFUSED) {
            return Failures.of(failure);
        }
        return new CommandFailure(CommandFailure.NETWORK, "cannot reach dc " + failure.dcId() + " at "
                + failure.address() + ": " + failure.detail(), failure);
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
