package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AccountAuthorizations;
import dev.mtqr.tl.api.AccountAuthorizationsType;
import dev.mtqr.tl.api.AccountGetAuthorizations;
import dev.mtqr.tl.api.AuthorizationType;
import java.util.List;

/**
 * {@code account.getAuthorizations}: every logged-in key of the caller's user on any DC, the caller's own flagged
 * {@code current} (with hash 0, as Telegram sends it); sessions expire after 180 idle days.
 */
final class GetAuthorizationsHandler implements RpcHandler<AccountGetAuthorizations, AccountAuthorizationsType> {
    private final AuthService service;

    GetAuthorizationsHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AccountAuthorizationsType handle(AccountGetAuthorizations request, RpcContext context) {
        long userId = context.requireUser();
        List<AuthorizationType> list = List.copyOf(
                service.authorizations().of(userId, context.key(), context.unixTime()));
        return new AccountAuthorizations(180, list);
    }
}
