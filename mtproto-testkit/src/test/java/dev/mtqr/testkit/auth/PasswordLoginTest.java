package dev.mtqr.testkit.auth;

import static dev.mtqr.testkit.auth.AuthFixture.error;
import static dev.mtqr.testkit.auth.AuthFixture.sendCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.BigIntegers;
import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import dev.mtqr.testkit.server.CoreCaller;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtqr.tl.api.User;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** 2FA after the code: SESSION_PASSWORD_NEEDED, account.getPassword, auth.checkPassword with SRP. */
class PasswordLoginTest {
    private final AuthFixture fixture = new AuthFixture();

    /** A client on DC 2 that gave Carol's right code and now owes her password. */
    private CoreCaller owingPassword() {
        CoreCaller client = fixture.client(2, "laptop");
        String hash = sendCode(client, AuthFixture.CAROL);
        error(client.call(new AuthSignIn(AuthFixture.CAROL, hash, "22222", null)), 401, "SESSION_PASSWORD_NEEDED");
        return client;
    }

    static AccountPassword password(CoreCaller client) {
        return assertInstanceOf(AccountPassword.class, client.call(new AccountGetPassword()));
    }

    static InputCheckPasswordSRP answer(AccountPassword password, String guess) {
        var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) password.currentAlgo();
        SrpAnswer answer = Srp.answer(guess.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(), algo.g(),
                algo.p(), password.srpB(), RandomSource.secure());
        return new InputCheckPasswordSRP(password.srpId(), answer.a(), answer.m1());
    }

    @Test
    void theRightPasswordLogsTheKeyIn() {
        CoreCaller client = owingPassword();
        assertTrue(fixture.cluster.dc(2).keys().find(client.keyId()).orElseThrow().userId().isEmpty(),
                "not logged in before the password");
        AccountPassword password = password(client);
        var algo = assertInstanceOf(PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow.class,
                password.currentAlgo(), "has_password is set through current_algo");
        assertEquals(3, algo.g());
        assertArrayEquals(BigIntegers.toFixed(DhChecks.TELEGRAM_PRIME, 256), algo.p());
        assertEquals(256, password.srpB().length);
        assertNotNull(password.srpId());

        Object answer = client.call(new AuthCheckPassword(answer(password, AuthFixture.CAROL_PASSWORD)));
        User user = (User) assertInstanceOf(AuthAuthorization.class, answer, () -> "" + answer).user();
        assertEquals("Carol", user.firstName());
        assertEquals(user.id(), fixture.cluster.dc(2).keys().find(client.keyId()).orElseThrow().userId()
                .orElseThrow());
    }

    @Test
    void aWrongPasswordIsPasswordHashInvalid() {
        CoreCaller client = owingPassword();
        AccountPassword password = password(client);
        error(client.call(new AuthCheckPassword(answer(password, "wrong horse"))), 400, "PASSWORD_HASH_INVALID");
        assertTrue(fixture.cluster.dc(2).keys().find(client.keyId()).orElseThrow().userId().isEmpty());
    }

    @Test
    void anOlderSrpIdIsSrpIdInvalid() {
        CoreCaller client = owingPassword();
        AccountPassword first = password(client);
        password(client);
        error(client.call(new AuthCheckPassword(answer(first, AuthFixture.CAROL_PASSWORD))), 400, "SRP_ID_INVALID");
    }

    @Test
    void aKeyThatOwesNoPasswordCannotCheckOne() {
        CoreCaller client = fixture.client(2, "laptop");
        error(client.call(new AccountGetPassword()), 401, "AUTH_KEY_UNREGISTERED");
    }
}
