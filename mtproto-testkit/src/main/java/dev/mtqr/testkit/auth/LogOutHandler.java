package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthLogOut;
import dev.mtqr.tl.api.AuthLoggedOut;
import dev.mtqr.tl.api.AuthLoggedOutType;

/** {@code auth.logOut}: the caller's key is no longer logged in ({@code 401 AUTH_KEY_UNREGISTERED} if it was not). */
final class LogOutHandler implements RpcHandler<AuthLogOut, AuthLoggedOutType> {
    private final AuthService service;

    LogOutHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AuthLoggedOutType handle(AuthLogOut request, RpcContext context) {
        context.requireUser();
        service.logOut(context.key());
        return new AuthLoggedOut(null);
    }
}
