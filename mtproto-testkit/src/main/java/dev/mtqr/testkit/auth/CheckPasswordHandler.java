package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcErrors;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthAuthorizationType;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.InputCheckPasswordSRP;

/**
 * {@code auth.checkPassword}: for a key that owes the password, checks A and M1 against the challenge of its last
 * {@code account.getPassword}. A srp_id other than that one gets {@code 400 SRP_ID_INVALID}, a wrong proof
 * {@code 400 PASSWORD_HASH_INVALID} (the challenge stays usable), the right one logs the key in. A key that owes no
 * password gets {@code 401 AUTH_KEY_UNREGISTERED}.
 */
final class CheckPasswordHandler implements RpcHandler<AuthCheckPassword, AuthAuthorizationType> {
    private final AuthService service;

    CheckPasswordHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AuthAuthorizationType handle(AuthCheckPassword request, RpcContext context) {
        PasswordLogins.Pending pending = service.passwordLogins().of(context.key())
                .orElseThrow(RpcErrors::authKeyUnregistered);
        Account account = service.accounts().byId(pending.userId()).orElseThrow(RpcErrors::authKeyUnregistered);
        if (!(request.password() instanceof InputCheckPasswordSRP srp)) {
            throw AuthErrors.passwordHashInvalid();
        }
        if (pending.challenge() == null || srp.srpId() != pending.srpId()) {
            throw AuthErrors.srpIdInvalid();
        }
        if (!account.password().check(pending.challenge(), srp.a(), srp.m1())) {
            throw AuthErrors.passwordHashInvalid();
        }
        return service.logIn(context, account);
    }
}
