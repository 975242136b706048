package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthAuthorizationType;
import dev.mtqr.tl.api.AuthSignIn;

/**
 * {@code auth.signIn}: the code is the home DC's digit five times. An account of another DC gets
 * {@code 303 USER_MIGRATE_X}, a hash that was not sent for the phone {@code PHONE_CODE_EXPIRED}, a wrong code
 * {@code PHONE_CODE_INVALID}, an account with 2FA {@code 401 SESSION_PASSWORD_NEEDED}; else the key is logged in.
 */
final class SignInHandler implements RpcHandler<AuthSignIn, AuthAuthorizationType> {
    private final AuthService service;
    private final PhoneCodes codes;

    SignInHandler(AuthService service, PhoneCodes codes) {
        this.service = service;
        this.codes = codes;
    }

    @Override
    public AuthAuthorizationType handle(AuthSignIn request, RpcContext context) {
        String phone = Accounts.normalize(request.phoneNumber());
        Account account = service.accounts().byPhone(phone).orElseThrow(AuthErrors::phoneInvalid);
        if (account.homeDc() != context.dcId()) {
            throw AuthErrors.userMigrate(account.homeDc());
        }
        if (!codes.matches(phone, request.phoneCodeHash())) {
            throw AuthErrors.codeExpired();
        }
        if (!account.loginCode().equals(request.phoneCode())) {
            throw AuthErrors.codeInvalid();
        }
        codes.spend(phone);
        return service.loginOrAskPassword(context, account);
    }
}
