package dev.mtqr.testkit;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthAuthorizationType;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.CodeSettings;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Logs a client in by phone number on the test server, the way a phone that will scan a QR code is logged in:
 * {@code auth.sendCode}, {@code auth.signIn} with the test-DC code (the account's DC, the sixth digit of
 * {@code 99966XYYYY}, five times), and, for an account with a 2FA password, {@code account.getPassword} and
 * {@code auth.checkPassword} over SRP. {@code PHONE_MIGRATE_X} is followed by the client itself.
 */
public final class TestPhones {
    private TestPhones() {
    }

    /** Logs {@code client} in as {@code phone}; {@code password} is used only if the account has one (may be null). */
    public static CompletableFuture<AuthAuthorizationType> logIn(MtprotoClient client, String phone, String password) {
        String code = String.valueOf(phone.charAt(5)).repeat(5);
        return client.invoke(new AuthSendCode(phone, 4, "test",
                        new CodeSettings(false, false, false, false, false, false, null, null, null)))
                .thenCompose(sent -> client.invoke(new AuthSignIn(phone, ((AuthSentCode) sent).phoneCodeHash(), code,
                        null)))
                .handle((auth, error) -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause == null) {
                        return CompletableFuture.completedFuture(auth);
                    }
                    if (cause instanceof SessionPasswordNeededException && password != null) {
                        return client.invoke(new AccountGetPassword())
                                .thenCompose(state -> client.invoke(new AuthCheckPassword(
                                        srp((AccountPassword) state, password))));
                    }
                    return CompletableFuture.<AuthAuthorizationType>failedFuture(cause);
                })
                .thenCompose(next -> next);
    }

    /** {@link #logIn} and wait for it, at most 60 s. */
    public static AuthAuthorizationType logInNow(MtprotoClient client, String phone, String password)
            throws Exception {
        return logIn(client, phone, password).get(60, TimeUnit.SECONDS);
    }

    private static InputCheckPasswordSRP srp(AccountPassword state, String password) {
        var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) state.currentAlgo();
        SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(), algo.g(),
                algo.p(), state.srpB(), RandomSource.secure());
        return new InputCheckPasswordSRP(state.srpId(), answer.a(), answer.m1());
    }
}
