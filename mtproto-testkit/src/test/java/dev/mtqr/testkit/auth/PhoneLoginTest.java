package dev.mtqr.testkit.auth;

import static dev.mtqr.testkit.auth.AuthFixture.error;
import static dev.mtqr.testkit.auth.AuthFixture.sendCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.testkit.server.CoreCaller;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSentCodeTypeApp;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.CodeSettings;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.api.UsersGetUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone login on the test-DC convention: code, migration, wrong code, getUsers of the logged-in user. */
class PhoneLoginTest {
    private final AuthFixture fixture = new AuthFixture();

    @Test
    void theHomeDcSendsAnAppCodeAndLogsTheKeyIn() {
        CoreCaller client = fixture.client(2, "phone");
        Object sent = client.call(new AuthSendCode(AuthFixture.BOB, 7, "h", new CodeSettings(false, false, false,
                false, false, false, null, null, null)));
        AuthSentCode code = assertInstanceOf(AuthSentCode.class, sent);
        assertEquals(new AuthSentCodeTypeApp(5), code.type());
        assertTrue(code.phoneCodeHash().length() >= 8);

        Object answer = client.call(new AuthSignIn(AuthFixture.BOB, code.phoneCodeHash(), "22222", null));
        User user = (User) assertInstanceOf(AuthAuthorization.class, answer).user();
        assertEquals("Bob", user.firstName());
        assertEquals(1_020_002L, user.id());
        assertTrue(user.self());
        long keyUser = fixture.cluster.dc(2).keys().find(client.keyId()).orElseThrow().userId().orElseThrow();
        assertEquals(user.id(), keyUser);
    }

    @Test
    void getUsersAnswersTheLoggedInUser() {
        CoreCaller client = fixture.client(1, "phone");
        error(client.call(new UsersGetUsers(List.of(new InputUserSelf()))), 401, "AUTH_KEY_UNREGISTERED");
        String hash = sendCode(client, AuthFixture.DAVE);
        client.call(new AuthSignIn(AuthFixture.DAVE, hash, "11111", null));
        @SuppressWarnings("unchecked")
        List<TlObject> users = (List<TlObject>) client.call(new UsersGetUsers(List.of(new InputUserSelf())));
        assertEquals("Dave", ((User) users.get(0)).firstName());
        assertEquals(AuthFixture.DAVE, ((User) users.get(0)).phone());
    }

    @Test
    void anAccountOfAnotherDcIsPhoneMigrate() {
        CoreCaller client = fixture.client(1, "phone");
        error(client.call(new AuthSendCode(AuthFixture.BOB, 7, "h", new CodeSettings(false, false, false, false,
                false, false, null, null, null))), 303, "PHONE_MIGRATE_2");
        error(client.call(new AuthSignIn(AuthFixture.BOB, "x", "22222", null)), 303, "USER_MIGRATE_2");
    }

    @Test
    void aWrongCodeIsPhoneCodeInvalidAndLeavesTheKeyOut() {
        CoreCaller client = fixture.client(2, "phone");
        String hash = sendCode(client, AuthFixture.BOB);
        error(client.call(new AuthSignIn(AuthFixture.BOB, hash, "11111", null)), 400, "PHONE_CODE_INVALID");
        assertTrue(fixture.cluster.dc(2).keys().find(client.keyId()).orElseThrow().userId().isEmpty());
        error(client.call(new AuthSignIn(AuthFixture.BOB, "not-the-hash", "22222", null)), 400,
                "PHONE_CODE_EXPIRED");
    }

    @Test
    void phonesOffTheConventionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> fixture.auth.accounts().add("5551234567", null, "X"));
        assertThrows(IllegalArgumentException.class, () -> fixture.auth.accounts().add("9996631234", null, "X"),
                "DC 3 does not exist in a two-DC cluster");
        assertNotEquals(fixture.auth.accounts().add("9996610002", null, "Y").userId(),
                fixture.auth.accounts().byPhone(AuthFixture.DAVE).orElseThrow().userId());
        error(fixture.client(1, "p").call(new AuthSendCode("9996619999", 7, "h", new CodeSettings(false, false,
                false, false, false, false, null, null, null))), 400, "PHONE_NUMBER_UNOCCUPIED");
    }
}
