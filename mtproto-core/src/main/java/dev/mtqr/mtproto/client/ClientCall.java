package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.rpc.MigrateException;
import dev.mtqr.mtproto.session.OutboundCall;
import dev.mtqr.mtproto.time.Cancellable;
import dev.mtqr.tl.TlMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's call, followed until it ends exactly once: across {@code X_MIGRATE_N} answers (at most three; a phone,
 * network or user migration moves the client's main DC), against its timeout (on the first DC link's scheduler, so it
 * runs in virtual time too, and caused by the DC's connection failure when it could not be reached), and against
 * cancellation (the call is abandoned: its answer, if any, is ignored). The caller's future completes on the client's
 * callback executor.
 */
final class ClientCall<R> {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCall.class);
    private static final int MAX_MIGRATIONS = 3;

    private final MtprotoClient client;
    private final TlMethod<R> method;
    private final CompletableFuture<R> result;
    private final Duration timeout;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile DcLink link;
    private volatile OutboundCall current;
    private volatile Cancellable timer;

    ClientCall(MtprotoClient client, TlMethod<R> method, CompletableFuture<R> result, Duration timeout) {
        this.client = client;
        this.method = method;
        this.result = result;
        this.timeout = timeout;
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                finished.set(true);
                abandonCurrent();
            }
        });
    }

    /** Sends the call to DC {@code dcId}, after {@code migrations} migrations. */
    void route(int dcId, int migrations) {
        DcLink target;
        try {
            target = client.link(dcId);
        } catch (IllegalArgumentException e) {
            finish(null, e);
            return;
        }
        link = target;
        OutboundCall call = OutboundCall.of(method, new OutboundCall.Outcome() {
            @Override
            public void succeeded(Object value) {
                finish(value, null);
            }

            @Override
            public void failed(Throwable error) {
                if (error instanceof MigrateException migrate && migrations < MAX_MIGRATIONS && !finished.get()) {
                    if (migrate.kind().movesMainDc()) {
                        client.setMainDc(migrate.dc());
                    }
                    LOG.debug("{} moves {} to DC {}", migrate.errorMessage(), method.tlName(), migrate.dc());
                    route(migrate.dc(), migrations + 1);
                } else {
                    finish(null, error);
                }
            }
        });
        current = call;
        if (timer == null) {
            timer = target.scheduler().schedule(timeout, this::timedOut);
        }
        if (finished.get()) {
            timer.cancel();
            return;
        }
        target.submit(call);
    }

    private void timedOut() {
        DcLink at = link;
        ConnectionFailedException failure = at.state() instanceof ConnectionState.Ready ? null : at.lastFailure();
        if (finish(null, new CallTimeoutException(method.tlName(), timeout, failure))) {
            abandonCurrent();
        }
    }

    private void abandonCurrent() {
        DcLink at = link;
        OutboundCall call = current;
        if (at != null && call != null) {
            at.execute(call::abandon);
        }
        Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    @SuppressWarnings("unchecked")
    private boolean finish(Object value, Throwable error) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
        client.callbacks().execute(() -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete((R) value);
            }
        });
        return true;
    }
}
