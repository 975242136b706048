package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenSuccess;
import dev.mtqr.tl.api.AuthLoginTokenType;

/**
 * {@code auth.importLoginToken} on the account's home DC with the token of {@code auth.loginTokenMigrateTo}: an
 * unknown, used or non-migrate token gets {@code 400 AUTH_TOKEN_INVALID}, an expired one {@code AUTH_TOKEN_EXPIRED},
 * a DC that is not the account's home {@code 303 USER_MIGRATE_X}; with 2FA {@code 401 SESSION_PASSWORD_NEEDED}, else
 * {@code auth.loginTokenSuccess} and the importing key is logged in. A token is used once.
 */
final class ImportLoginTokenHandler implements RpcHandler<AuthImportLoginToken, AuthLoginTokenType> {
    private final AuthService service;

    ImportLoginTokenHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AuthLoginTokenType handle(AuthImportLoginToken request, RpcContext context) {
        LoginTokens tokens = service.tokens();
        LoginTokens.Token token = tokens.find(request.token()).filter(t -> t.migrate)
                .orElseThrow(AuthErrors::tokenInvalid);
        if (tokens.expired(token)) {
            throw AuthErrors.tokenExpired();
        }
        Account account = service.accounts().byId(token.userId).orElseThrow(AuthErrors::tokenInvalid);
        if (account.homeDc() != context.dcId()) {
            throw AuthErrors.userMigrate(account.homeDc());
        }
        tokens.forget(token);
        return new AuthLoginTokenSuccess(service.loginOrAskPassword(context, account));
    }
}
