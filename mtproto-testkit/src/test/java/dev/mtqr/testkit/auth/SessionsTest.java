package dev.mtqr.testkit.auth;

import static dev.mtqr.testkit.auth.AuthFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.testkit.server.CoreCaller;
import dev.mtqr.tl.api.AccountAuthorizations;
import dev.mtqr.tl.api.AccountGetAuthorizations;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthLogOut;
import dev.mtqr.tl.api.AuthLoggedOut;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenSuccess;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.UsersGetUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** account.getAuthorizations and auth.logOut. */
class SessionsTest {
    private final AuthFixture fixture = new AuthFixture();

    private static List<Authorization> authorizations(CoreCaller client) {
        Object answer = client.call(new AccountGetAuthorizations());
        return assertInstanceOf(AccountAuthorizations.class, answer, () -> "" + answer).authorizations().stream()
                .map(Authorization.class::cast).toList();
    }

    @Test
    void getAuthorizationsListsTheSessionAQrLoginAdded() {
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        assertEquals(1, authorizations(phone).size());
        CoreCaller desktop = fixture.client(1, "Desktop 9000");
        var token = (AuthLoginToken) desktop.call(new AuthExportLoginToken(7, "h", List.of()));
        phone.call(new AuthAcceptLoginToken(token.token()));
        assertInstanceOf(AuthLoginTokenSuccess.class, desktop.call(new AuthExportLoginToken(7, "h", List.of())));

        List<Authorization> list = authorizations(phone);
        assertEquals(2, list.size());
        Authorization current = list.stream().filter(Authorization::current).findFirst().orElseThrow();
        assertEquals("phone", current.deviceModel());
        Authorization other = list.stream().filter(a -> !a.current()).findFirst().orElseThrow();
        assertEquals("Desktop 9000", other.deviceModel());
        assertEquals(1, authorizations(desktop).stream().filter(Authorization::current).count());
    }

    @Test
    void logOutUnauthorizesTheKey() {
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        assertInstanceOf(AuthLoggedOut.class, phone.call(new AuthLogOut()));
        assertFalse(fixture.cluster.dc(1).keys().find(phone.keyId()).orElseThrow().authorized());
        error(phone.call(new UsersGetUsers(List.of(new InputUserSelf()))), 401, "AUTH_KEY_UNREGISTERED");
        error(phone.call(new AuthLogOut()), 401, "AUTH_KEY_UNREGISTERED");
        CoreCaller other = fixture.loggedIn(AuthFixture.DAVE, "tablet");
        assertTrue(authorizations(other).stream().noneMatch(a -> a.deviceModel().equals("phone")));
    }
}
