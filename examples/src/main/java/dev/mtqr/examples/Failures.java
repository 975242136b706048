package dev.mtqr.examples;

import dev.mtqr.mtproto.client.CallTimeoutException;
import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.rpc.AuthTokenAlreadyAcceptedException;
import dev.mtqr.mtproto.rpc.AuthTokenExpiredException;
import dev.mtqr.mtproto.rpc.AuthTokenInvalidException;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.mtproto.store.SessionStoreException;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.qrlogin.InvalidLoginUrlException;
import dev.mtqr.qrlogin.QrLoginException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns what a command ran into into the one-line {@link CommandFailure} of the contract. */
final class Failures {
    private Failures() {
    }

    static CommandFailure of(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof CommandFailure failure) {
            return failure;
        }
        if (e instanceof InvalidLoginUrlException bad) {
            return CommandFailure.usage("bad login URL: " + bad.getMessage());
        }
        if (e instanceof AuthTokenExpiredException) {
            return CommandFailure.loginFailed("the login code has expired (AUTH_TOKEN_EXPIRED): show a new one");
        }
        if (e instanceof AuthTokenAlreadyAcceptedException) {
            return CommandFailure.loginFailed("the login code was already accepted (AUTH_TOKEN_ALREADY_ACCEPTED)");
        }
        if (e instanceof AuthTokenInvalidException) {
            return CommandFailure.loginFailed("the login code is not valid (AUTH_TOKEN_INVALID)");
        }
        if (e instanceof ConnectionFailedException failed) {
            if (failed.getCause() instanceof SecurityCheckException refused) {
                return of(refused);
            }
            return Await.network(failed);
        }
        if (e instanceof TimeoutException timeout && timeout.getCause() instanceof ConnectionFailedException failed) {
            return of(failed);
        }
        if (e instanceof TimeoutException timeout && timeout.getCause() instanceof CallTimeoutException call
                && call.getCause() instanceof ConnectionFailedException failed) {
            return of(failed);
        }
        if (e instanceof RpcException rpc) {
            return new CommandFailure(CommandFailure.LOGIN_FAILED,
                    "the server refused: " + rpc.code() + " " + rpc.errorMessage(), rpc);
        }
        if (e instanceof QrLoginException || e instanceof TimeoutException) {
            return CommandFailure.loginFailed(e.getMessage());
        }
        if (e instanceof SessionStoreException) {
            return CommandFailure.loginFailed("the session file cannot be used: " + e.getMessage());
        }
        if (e instanceof CancellationException) {
            return CommandFailure.loginFailed("cancelled");
        }
        if (e instanceof SecurityCheckException refused) {
            return CommandFailure.network("the key exchange failed: " + message(refused)
                    + (refused.check() == SecurityCheckException.Check.FINGERPRINT
                            ? " (give the server's key with --rsa-key)" : ""));
        }
        if (e instanceof TransportException || e instanceof IOException) {
            return CommandFailure.network(message(e));
        }
        return CommandFailure.loginFailed(message(e));
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
