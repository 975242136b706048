package dev.mtqr.qrlogin;

import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.ConnectionState;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.client.RetryPolicy;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.mtproto.rpc.AuthTokenExpiredException;
import dev.mtqr.mtproto.rpc.FloodWaitException;
import dev.mtqr.mtproto.rpc.PasswordHashInvalidException;
import dev.mtqr.mtproto.rpc.ProtocolException;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthAuthorizationType;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenMigrateTo;
import dev.mtqr.tl.api.AuthLoginTokenSuccess;
import dev.mtqr.tl.api.AuthLoginTokenType;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.api.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a new device in by QR code (core.telegram.org/api/qr-login): exports a login token, hands each
 * {@code tg://login?token=…} code to a listener, refreshes it shortly before the server-corrected expiry, wakes on
 * {@code updateLoginToken} (never lost: the updates are subscribed to before the first export, and one that
 * arrives during an export triggers another), follows {@code auth.loginTokenMigrateTo} with
 * {@code auth.importLoginToken} on the account's DC, and answers {@code SESSION_PASSWORD_NEEDED} with SRP 2FA. Flood
 * waits and transient failures are retried with capped backoff. The returned future can be cancelled; so can an
 * overall timeout end it; either way the timers and the subscription go.
 *
 * <pre>{@code
 * AuthAuthorization auth = QrLogin.builder(client)
 *         .api(apiId, apiHash)
 *         .onQr(qr -> screen.show(new QrRenderer().terminal(qr.url().url()), qr.remaining()))
 *         .password((hint, wrong) -> CompletableFuture.completedFuture(readPassword(hint)))
 *         .timeout(Duration.ofMinutes(5))
 *         .build().start().join();
 * }</pre>
 */
public final class QrLogin {
    private static final Logger LOG = LoggerFactory.getLogger(QrLogin.class);
    private static final RetryPolicy RETRY = RetryPolicy.calls();

    private final MtprotoClient client;
    private final int apiId;
    private final String apiHash;
    private final List<Long> exceptIds;
    private final Consumer<LoginQr> onQr;
    private final PasswordPrompt password;
    private final Duration timeout;
    private final Duration refreshMargin;
    private final RandomSource random;

    private QrLogin(Builder b) {
        this.client = b.client;
        this.apiId = b.apiId;
        this.apiHash = Objects.requireNonNull(b.apiHash, "api hash");
        this.exceptIds = List.copyOf(b.exceptIds);
        this.onQr = b.onQr;
        this.password = b.password;
        this.timeout = b.timeout;
        this.refreshMargin = b.refreshMargin;
        this.random = b.random;
    }

    public static Builder builder(MtprotoClient client) {
        return new Builder(client);
    }

    /** Starts the login; the future completes with the authorization, or fails, or is cancelled by the caller. */
    public CompletableFuture<AuthAuthorization> start() {
        return new Run().start();
    }

    /** One login attempt: all its state lives on its own thread. */
    private final class Run implements Flow.Subscriber<TlObject> {
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mtqr-qr-login");
            t.setDaemon(true);
            return t;
        });
        private final CompletableFuture<AuthAuthorization> result = new CompletableFuture<>();
        private final int exportDc = client.mainDc();
        private volatile Flow.Subscription subscription;
        private ScheduledFuture<?> refresh;
        private boolean exporting;
        private boolean exportAgain;
        private int failures;
        private volatile Throwable lastFailure;

        CompletableFuture<AuthAuthorization> start() {
            result.whenComplete((auth, error) -> stop());
            client.updates().subscribe(this);
            if (timeout != null) {
                thread.schedule(this::timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            thread.execute(this::export);
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
            if (result.isDone()) {
                s.cancel();
            }
        }

        @Override
        public void onNext(TlObject update) {
            if (update instanceof UpdateShort shortUpdate && shortUpdate.update() instanceof UpdateLoginToken) {
                LOG.debug("updateLoginToken: exporting again");
                thread.execute(this::export);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // The client closed its update stream: exports still see success or migration.
        }

        @Override
        public void onComplete() {
        }

        private void export() {
            if (result.isDone()) {
                return;
            }
            if (exporting) {
                exportAgain = true;
                return;
            }
            exporting = true;
            cancelRefresh();
            client.invoke(exportDc, new AuthExportLoginToken(apiId, apiHash, exceptIds))
                    .whenCompleteAsync((answer, error) -> {
                        exporting = false;
                        if (error != null) {
                            onError(error, exportDc, this::export);
                        } else {
                            onLoginToken(answer, exportDc);
                        }
                        if (exportAgain && !result.isDone()) {
                            exportAgain = false;
                            export();
                        }
                    }, thread);
        }

        private void onLoginToken(AuthLoginTokenType answer, int dc) {
            if (result.isDone()) {
                return; // cancelled or timed out while the answer was on its way
            }
            failures = 0;
            if (answer instanceof AuthLoginToken token) {
                Instant expires = Instant.ofEpochSecond(token.expires());
                Duration remaining = Duration.between(client.serverTime(dc), expires);
                LoginQr qr = new LoginQr(LoginUrl.of(token.token()), expires, remaining.isNegative() ? Duration.ZERO : remaining);
                try {
                    onQr.accept(qr);
                } catch (RuntimeException e) {
                    LOG.warn("the QR listener failed: {}", e.toString());
                }
                long wait = Math.max(1000, remaining.minus(refreshMargin).toMillis());
                refresh = thread.schedule(this::export, wait, TimeUnit.MILLISECONDS);
            } else if (answer instanceof AuthLoginTokenMigrateTo migrate) {
                importOn(migrate.dcId(), migrate.token());
            } else if (answer instanceof AuthLoginTokenSuccess success) {
                finish(success.authorization(), dc);
            }
        }

        private void importOn(int dc, byte[] token) {
            client.invoke(dc, new AuthImportLoginToken(token)).whenCompleteAsync((answer, error) -> {
                if (error == null) {
                    onLoginToken(answer, dc);
                } else if (unwrap(error) instanceof AuthTokenExpiredException) {
                    LOG.debug("the token expired before it was imported on DC {}: exporting again", dc);
                    export();
                } else {
                    onError(error, dc, () -> importOn(dc, token));
                }
            }, thread);
        }

        private void finish(AuthAuthorizationType type, int dc) {
            if (!(type instanceof AuthAuthorization auth)) {
                result.completeExceptionally(new QrLoginException("the account needs a sign-up (" + type.tlName() + ")"));
                return;
            }
            client.setMainDc(dc);
            if (auth.user() instanceof User user) {
                client.setUserId(user.id());
            }
            result.complete(auth);
        }

        private void askPassword(int dc, boolean previousWasWrong) {
            if (password == null) {
                result.completeExceptionally(new QrLoginException("the account has a 2FA password and no prompt was given"));
                return;
            }
            client.invoke(dc, new AccountGetPassword()).thenComposeAsync(state -> {
                AccountPassword account = (AccountPassword) state;
                String hint = account.hint() == null ? "" : account.hint();
                return password.ask(hint, previousWasWrong).thenApplyAsync(text -> {
                    if (!(account.currentAlgo() instanceof PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow algo)) {
                        throw new QrLoginException("the account's password algorithm is not one this client knows");
                    }
                    SrpAnswer answer = Srp.answer(text.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(),
                            algo.g(), algo.p(), account.srpB(), random);
                    return new InputCheckPasswordSRP(account.srpId(), answer.a(), answer.m1());
                }, thread);
            }, thread).thenCompose(check -> client.invoke(dc, new AuthCheckPassword(check)))
                    .whenCompleteAsync((auth, error) -> {
                        if (error == null) {
                            finish(auth, dc);
                        } else if (unwrap(error) instanceof PasswordHashInvalidException) {
                            askPassword(dc, true);
                        } else {
                            onError(error, dc, () -> askPassword(dc, previousWasWrong));
                        }
                    }, thread);
        }

        /** The overall timeout: a TimeoutException caused by the last failure, if any (a DC that cannot be reached). */
        private void timedOut() {
            TimeoutException timedOut = new TimeoutException("no login within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
            Throwable last = lastFailure;
            if (last == null) {
                ConnectionState state = client.connectionState(exportDc);
                last = state instanceof ConnectionState.RetryingIn retrying ? retrying.cause()
                        : state instanceof ConnectionState.Failed failed ? failed.cause() : null;
            }
            if (last != null) {
                timedOut.initCause(last);
            }
            result.completeExceptionally(timedOut);
        }

        private void onError(Throwable error, int dc, Runnable retry) {
            Throwable cause = unwrap(error);
            lastFailure = cause;
            if (result.isDone()) {
                return;
            }
            if (cause instanceof SessionPasswordNeededException) {
                askPassword(dc, false);
            } else if (cause instanceof FloodWaitException flood) {
                LOG.debug("flood wait of {} s", flood.seconds());
                thread.schedule(retry, flood.seconds(), TimeUnit.SECONDS);
            } else if (transient_(cause)) {
                long delay = RETRY.delayAfter(++failures, random::uniform).toMillis();
                LOG.debug("{}; retrying in {} ms", cause.toString(), delay);
                thread.schedule(retry, delay, TimeUnit.MILLISECONDS);
            } else {
                result.completeExceptionally(cause);
            }
        }

        /** Failures that pass: a timeout, a protocol hiccup, a server error, a connection that can come back. */
        private boolean transient_(Throwable cause) {
            return cause instanceof TimeoutException
                    || cause instanceof ProtocolException
                    || (cause instanceof ConnectionFailedException failed && !failed.reason().permanent())
                    || (cause instanceof RpcException rpc && rpc.code() >= 500);
        }

        private void cancelRefresh() {
            if (refresh != null) {
                refresh.cancel(false);
                refresh = null;
            }
        }

        private void stop() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            thread.shutdownNow();
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Builds a {@link QrLogin}. */
    public static final class Builder {
        private final MtprotoClient client;
        private int apiId;
        private String apiHash;
        private List<Long> exceptIds = List.of();
        private Consumer<LoginQr> onQr = qr -> { };
        private PasswordPrompt password;
        private Duration timeout;
        private Duration refreshMargin = Duration.ofSeconds(2);
        private RandomSource random = RandomSource.secure();

        private Builder(MtprotoClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The application's api_id and api_hash from my.telegram.org. */
        public Builder api(int apiId, String apiHash) {
            this.apiId = apiId;
            this.apiHash = apiHash;
            return this;
        }

        /** User ids already logged in on this device, which the server will not log in again. */
        public Builder exceptIds(List<Long> ids) {
            this.exceptIds = List.copyOf(ids);
            return this;
        }

        /** Receives each new QR code; called on the login's own thread, so keep it short. */
        public Builder onQr(Consumer<LoginQr> listener) {
            this.onQr = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Asks for the 2FA password when the account has one. */
        public Builder password(PasswordPrompt prompt) {
            this.password = prompt;
            return this;
        }

        /** Gives up after this long (no limit by default). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How long before the server's expiry the code is refreshed (2 s by default). */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = margin;
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = random;
            return this;
        }

        public QrLogin build() {
            return new QrLogin(this);
        }
    }
}
