package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.builtin.GetUsersHandler;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.AccountGetAuthorizations;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLogOut;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.UsersGetUsers;
import java.time.Clock;
import java.time.Duration;

/**
 * The login service of a test cluster: its {@link Accounts}, {@link LoginTokens}, {@link Authorizations} and the
 * keys that owe a 2FA password; {@link #install} serves {@code auth.sendCode/signIn/checkPassword/logOut},
 * {@code auth.exportLoginToken/acceptLoginToken/importLoginToken}, {@code account.getPassword/getAuthorizations} and
 * {@code users.getUsers}.
 */
public final class AuthService {
    /** The QR token TTL unless a cluster sets another. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofSeconds(30);

    private final Accounts accounts;
    private final LoginTokens tokens;
    private final Authorizations authorizations = new Authorizations();
    private final PasswordLogins passwordLogins = new PasswordLogins();
    private final RandomSource random;

    public AuthService(int dcCount, Clock clock, RandomSource random, Duration tokenTtl) {
        this.random = random;
        this.accounts = new Accounts(dcCount, random);
        this.tokens = new LoginTokens(clock, random, tokenTtl);
    }

    /** Serves the service's methods from {@code handlers} (replacing the built-in {@code users.getUsers}). */
    public RpcHandlers install(RpcHandlers handlers) {
        PhoneCodes codes = new PhoneCodes(random);
        return handlers.on(AuthSendCode.class, new SendCodeHandler(this, codes))
                .on(AuthSignIn.class, new SignInHandler(this, codes))
                .on(AccountGetPassword.class, new GetPasswordHandler(this))
                .on(AuthCheckPassword.class, new CheckPasswordHandler(this))
                .on(AuthExportLoginToken.class, new ExportLoginTokenHandler(this))
                .on(AuthAcceptLoginToken.class, new AcceptLoginTokenHandler(this))
                .on(AuthImportLoginToken.class, new ImportLoginTokenHandler(this))
                .on(AccountGetAuthorizations.class, new GetAuthorizationsHandler(this))
                .on(AuthLogOut.class, new LogOutHandler(this))
                .on(UsersGetUsers.class, new GetUsersHandler(
                        id -> accounts.byId(id).map(account -> account.user(true)).orElse(null)));
    }

    public Accounts accounts() {
        return accounts;
    }

    public LoginTokens tokens() {
        return tokens;
    }

    public Authorizations authorizations() {
        return authorizations;
    }

    PasswordLogins passwordLogins() {
        return passwordLogins;
    }

    RandomSource random() {
        return random;
    }

    long randomLong() {
        return TlReader.of(random.bytes(8), TlRegistry.EMPTY).readLong();
    }

    /**
     * Finishes a login of the caller's key as {@code account} once it proved the code or the token: with 2FA the key
     * owes the password ({@code 401 SESSION_PASSWORD_NEEDED}), else it is logged in.
     */
    AuthAuthorization loginOrAskPassword(RpcContext context, Account account) {
        if (account.hasPassword()) {
            passwordLogins.await(context.key(), account.userId());
            throw AuthErrors.passwordNeeded();
        }
        return logIn(context, account);
    }

    /** Logs the caller's key in as {@code account} and answers {@code auth.authorization}. */
    AuthAuthorization logIn(RpcContext context, Account account) {
        ClientKey key = context.key();
        passwordLogins.done(key);
        key.authorize(account.userId());
        long hash = randomLong();
        authorizations.add(key, account.userId(), hash == 0 ? 1 : hash, context.unixTime());
        return new AuthAuthorization(null, null, null, account.user(true));
    }

    /** Logs the caller's key out. */
    void logOut(ClientKey key) {
        passwordLogins.done(key);
        authorizations.remove(key);
        key.logOut();
    }
}
