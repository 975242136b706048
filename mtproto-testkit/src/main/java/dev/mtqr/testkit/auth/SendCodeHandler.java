package dev.mtqr.testkit.auth;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSentCodeType;
import dev.mtqr.tl.api.AuthSentCodeTypeApp;

/**
 * {@code auth.sendCode}: the code "goes to the app" ({@code auth.sentCodeTypeApp}, 5 digits) with a random
 * phone_code_hash. A phone of another DC gets {@code 303 PHONE_MIGRATE_X}; a phone off the convention
 * {@code PHONE_NUMBER_INVALID}; a phone of the convention with no account {@code PHONE_NUMBER_UNOCCUPIED} (the
 * testkit does not sign users up).
 */
final class SendCodeHandler implements RpcHandler<AuthSendCode, AuthSentCodeType> {
    private final AuthService service;
    private final PhoneCodes codes;

    SendCodeHandler(AuthService service, PhoneCodes codes) {
        this.service = service;
        this.codes = codes;
    }

    @Override
    public AuthSentCodeType handle(AuthSendCode request, RpcContext context) {
        String phone = Accounts.normalize(request.phoneNumber());
        if (!phone.matches("99966\\d{5}")) {
            throw AuthErrors.phoneInvalid();
        }
        Account account = service.accounts().byPhone(phone).orElseThrow(AuthErrors::phoneUnoccupied);
        if (account.homeDc() != context.dcId()) {
            throw AuthErrors.phoneMigrate(account.homeDc());
        }
        return new AuthSentCode(new AuthSentCodeTypeApp(5), codes.issue(phone), null, null);
    }
}
