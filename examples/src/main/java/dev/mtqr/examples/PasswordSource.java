package dev.mtqr.examples;

import dev.mtqr.qrlogin.PasswordPrompt;
import java.io.Console;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@code mtqr login} gets the 2FA password: an environment variable named by {@code --password-env} (tried
 * once: a wrong one ends the login), or the terminal (asked again after a wrong one). Without either the login ends
 * with a clear message rather than waiting for input that cannot come.
 */
final class PasswordSource implements PasswordPrompt {
    private final String variable;

    PasswordSource(String variable) {
        this.variable = variable;
    }

    @Override
    public CompletableFuture<String> ask(String hint, boolean previousWasWrong) {
        try {
            return CompletableFuture.completedFuture(read(hint, previousWasWrong));
        } catch (CommandFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private String read(String hint, boolean previousWasWrong) {
        if (variable != null) {
            if (previousWasWrong) {
                throw CommandFailure.loginFailed(
                        "the 2FA password in $" + variable + " is wrong (PASSWORD_HASH_INVALID)");
            }
            String value = System.getenv(variable);
            if (value == null) {
                throw CommandFailure.loginFailed("the account has a 2FA password and $" + variable + " is not set");
            }
            return value;
        }
        Console console = System.console();
        if (console == null) {
            throw CommandFailure.loginFailed(
                    "the account has a 2FA password: give it with --password-env VAR or run on a terminal");
        }
        String prompt = (previousWasWrong ? "wrong password; " : "") + "2FA password"
                + (hint.isEmpty() ? "" : " (hint: " + hint + ")") + ": ";
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw CommandFailure.loginFailed("no 2FA password given");
        }
        return new String(typed);
    }
}
