package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthorizationType;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;

/**
 * {@code auth.acceptLoginToken}, the scanning device's side: needs a logged-in key ({@code 401
 * AUTH_KEY_UNREGISTERED}); an unknown or replaced token, a migrate token, or a token whose {@code except_ids} hold
 * the user gets {@code 400 AUTH_TOKEN_INVALID}, an expired one {@code AUTH_TOKEN_EXPIRED}, one already accepted
 * {@code AUTH_TOKEN_ALREADY_ACCEPTED}. Else the token is bound to the user, the exporting session gets
 * {@code updateShort{updateLoginToken}}, and the answer is the new session's {@code authorization} (device and app
 * from the exporter's {@code initConnection}).
 */
final class AcceptLoginTokenHandler implements RpcHandler<AuthAcceptLoginToken, AuthorizationType> {
    private final AuthService service;

    AcceptLoginTokenHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AuthorizationType handle(AuthAcceptLoginToken request, RpcContext context) {
        long userId = context.requireUser();
        LoginTokens tokens = service.tokens();
        LoginTokens.Token token = tokens.find(request.token()).filter(t -> !t.migrate)
                .orElseThrow(AuthErrors::tokenInvalid);
        synchronized (token) {
            if (tokens.expired(token)) {
                throw AuthErrors.tokenExpired();
            }
            if (token.userId != 0) {
                throw AuthErrors.tokenAlreadyAccepted();
            }
            if (token.exceptIds.contains(userId)) {
                throw AuthErrors.tokenInvalid();
            }
            token.userId = userId;
        }
        int now = context.unixTime();
        token.session.push(new UpdateShort(new UpdateLoginToken(), now));
        return Authorizations.describe(token.exporter, false, service.randomLong(), now, now);
    }
}
