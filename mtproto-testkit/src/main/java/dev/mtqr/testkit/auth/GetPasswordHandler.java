package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.crypto.SrpServer;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcErrors;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AccountPasswordType;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtqr.tl.api.SecurePasswordKdfAlgoSHA512;

/**
 * {@code account.getPassword} for a key that owes the password (or is logged in): {@code current_algo} with the
 * account's salts, Telegram's prime and g = 3, a fresh srp_B and srp_id (which makes the previous srp_id stale).
 * Without 2FA only {@code new_algo}. A key that is neither gets {@code 401 AUTH_KEY_UNREGISTERED}.
 */
final class GetPasswordHandler implements RpcHandler<AccountGetPassword, AccountPasswordType> {
    private final AuthService service;

    GetPasswordHandler(AuthService service) {
        this.service = service;
    }

    @Override
    public AccountPasswordType handle(AccountGetPassword request, RpcContext context) {
        long userId = service.passwordLogins().of(context.key()).map(PasswordLogins.Pending::userId)
                .orElseGet(context::requireUser);
        Account account = service.accounts().byId(userId).orElseThrow(RpcErrors::authKeyUnregistered);
        var newAlgo = new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(
                service.random().bytes(8), service.random().bytes(16), SrpPassword.G, SrpPassword.P.clone());
        var newSecureAlgo = new SecurePasswordKdfAlgoSHA512(service.random().bytes(8));
        byte[] secureRandom = service.random().bytes(32);
        if (!account.hasPassword()) {
            return new AccountPassword(false, false, null, null, null, null, null, newAlgo, newSecureAlgo,
                    secureRandom, null, null);
        }
        SrpServer.Challenge challenge = account.password().challenge(service.random());
        long srpId = service.randomLong();
        if (service.passwordLogins().of(context.key()).isPresent()) {
            service.passwordLogins().challenge(context.key(), userId, srpId, challenge);
        }
        return new AccountPassword(false, false, account.password().algo(), challenge.srpB(), srpId, null, null,
                newAlgo, newSecureAlgo, secureRandom, null, null);
    }
}
