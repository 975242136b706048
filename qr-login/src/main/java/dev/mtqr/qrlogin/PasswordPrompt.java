package dev.mtqr.qrlogin;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the user for the account's 2FA password (core.telegram.org/api/srp). Called again, with
 * {@code previousWasWrong} set, after {@code PASSWORD_HASH_INVALID}; complete the future exceptionally (or cancel
 * it) to give up the login.
 */
@FunctionalInterface
public interface PasswordPrompt {
    /**
     * @param hint             the hint the account set, or an empty string
     * @param previousWasWrong whether the last password was refused
     */
    CompletableFuture<String> ask(String hint, boolean previousWasWrong);
}
