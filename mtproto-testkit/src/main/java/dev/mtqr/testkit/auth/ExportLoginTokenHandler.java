package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenMigrateTo;
import dev.mtqr.tl.api.AuthLoginTokenSuccess;
import dev.mtqr.tl.api.AuthLoginTokenType;
import java.util.List;

/**
 * {@code auth.exportLoginToken} (core.telegram.org/api/qr-login). Until another device accepts the key's token: a new
 * {@code auth.loginToken} (32 random bytes, expires = now + TTL) replacing the key's previous one. Once accepted:
 * {@code auth.loginTokenSuccess} if the account lives on this DC (the key is logged in), {@code 401
 * SESSION_PASSWORD_NEEDED} if it has 2FA, or {@code auth.loginTokenMigrateTo} with a new token for its home DC.
 */
final class ExportLoginTokenHandler implements RpcHandler<AuthExportLoginToken, AuthLoginTokenType> {
    private final AuthService service;

    ExportLoginTokenHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AuthLoginTokenType handle(AuthExportLoginToken request, RpcContext context) {
        LoginTokens tokens = service.tokens();
        var previous = tokens.exportedBy(context.key()).filter(token -> token.userId != 0);
        if (previous.isPresent()) {
            LoginTokens.Token accepted = previous.get();
            Account account = service.accounts().byId(accepted.userId).orElseThrow(AuthErrors::tokenInvalid);
            if (account.homeDc() != context.dcId()) {
                LoginTokens.Token migrate = tokens.migrate(accepted);
                return new AuthLoginTokenMigrateTo(account.homeDc(), migrate.bytes.clone());
            }
            tokens.forget(accepted);
            return new AuthLoginTokenSuccess(service.loginOrAskPassword(context, account));
        }
        List<Long> except = request.exceptIds() == null ? List.of() : request.exceptIds();
        LoginTokens.Token token = tokens.export(context.key(), context.session(), except);
        return new AuthLoginToken(token.expires(), token.bytes.clone());
    }
}
