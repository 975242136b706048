package dev.mtqr.testkit.auth;

import static dev.mtqr.testkit.auth.AuthFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.testkit.server.CoreCaller;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenMigrateTo;
import dev.mtqr.tl.api.AuthLoginTokenSuccess;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.api.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QR login: export, accept by a logged-in device, the pushed update, success, migrate-to and import, errors. */
class QrLoginTest {
    private final AuthFixture fixture = new AuthFixture();

    private static AuthLoginToken export(CoreCaller client, Long... except) {
        Object answer = client.call(new AuthExportLoginToken(7, "hash", List.of(except)));
        return assertInstanceOf(AuthLoginToken.class, answer, () -> "" + answer);
    }

    private static boolean gotLoginTokenUpdate(CoreCaller client) {
        return client.pushed().stream().anyMatch(o -> o instanceof UpdateShort u && u.update() instanceof UpdateLoginToken);
    }

    @Test
    void exportAcceptUpdateThenSuccessOnTheHomeDc() {
        CoreCaller desktop = fixture.client(1, "Desktop 9000");
        AuthLoginToken token = export(desktop);
        assertEquals(32, token.token().length);
        assertEquals(fixture.clock.millis() / 1000 + 30, token.expires());
        AuthLoginToken current = export(desktop);
        assertFalse(java.util.Arrays.equals(token.token(), current.token()), "a re-export makes a new token");
        assertFalse(gotLoginTokenUpdate(desktop));

        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        error(phone.call(new AuthAcceptLoginToken(token.token())), 400, "AUTH_TOKEN_INVALID"); // replaced
        Object accepted = phone.call(new AuthAcceptLoginToken(current.token()));
        Authorization authorization = assertInstanceOf(Authorization.class, accepted, () -> "" + accepted);
        assertEquals("Desktop 9000", authorization.deviceModel());
        assertTrue(gotLoginTokenUpdate(desktop), "updateShort{updateLoginToken} pushed to the exporter");

        Object done = desktop.call(new AuthExportLoginToken(7, "hash", List.of()));
        var success = assertInstanceOf(AuthLoginTokenSuccess.class, done, () -> "" + done);
        assertEquals("Dave", ((User) ((AuthAuthorization) success.authorization()).user()).firstName());
        assertEquals(1_010_001L, fixture.cluster.dc(1).keys().find(desktop.keyId()).orElseThrow().userId()
                .orElseThrow());
    }

    @Test
    void anAccountOfAnotherDcMigratesAndImportsThere() {
        CoreCaller desktop = fixture.client(1, "Desktop");
        AuthLoginToken token = export(desktop);
        CoreCaller phone = fixture.loggedIn(AuthFixture.BOB, "phone");
        assertInstanceOf(Authorization.class, phone.call(new AuthAcceptLoginToken(token.token())));

        Object answer = desktop.call(new AuthExportLoginToken(7, "hash", List.of()));
        var migrate = assertInstanceOf(AuthLoginTokenMigrateTo.class, answer, () -> "" + answer);
        assertEquals(2, migrate.dcId());
        CoreCaller onDc2 = fixture.client(2, "Desktop");
        Object imported = onDc2.call(new AuthImportLoginToken(migrate.token()));
        var success = assertInstanceOf(AuthLoginTokenSuccess.class, imported, () -> "" + imported);
        assertEquals("Bob", ((User) ((AuthAuthorization) success.authorization()).user()).firstName());
        assertTrue(fixture.cluster.dc(2).keys().find(onDc2.keyId()).orElseThrow().authorized());
        assertFalse(fixture.cluster.dc(1).keys().find(desktop.keyId()).orElseThrow().authorized());
        error(fixture.client(2, "other").call(new AuthImportLoginToken(migrate.token())), 400, "AUTH_TOKEN_INVALID");
    }

    @Test
    void anAccountWithAPasswordNeedsItAfterTheImport() {
        CoreCaller desktop = fixture.client(1, "Desktop");
        AuthLoginToken token = export(desktop);
        CoreCaller phone = fixture.client(2, "phone");
        String hash = AuthFixture.sendCode(phone, AuthFixture.CAROL);
        phone.call(new dev.mtqr.tl.api.AuthSignIn(AuthFixture.CAROL, hash, "22222", null));
        phone.call(new AuthCheckPassword(PasswordLoginTest.answer(PasswordLoginTest.password(phone),
                AuthFixture.CAROL_PASSWORD)));
        assertInstanceOf(Authorization.class, phone.call(new AuthAcceptLoginToken(token.token())));

        var migrate = (AuthLoginTokenMigrateTo) desktop.call(new AuthExportLoginToken(7, "hash", List.of()));
        CoreCaller onDc2 = fixture.client(2, "Desktop");
        error(onDc2.call(new AuthImportLoginToken(migrate.token())), 401, "SESSION_PASSWORD_NEEDED");
        AccountPassword password = PasswordLoginTest.password(onDc2);
        Object answer = onDc2.call(new AuthCheckPassword(PasswordLoginTest.answer(password,
                AuthFixture.CAROL_PASSWORD)));
        assertInstanceOf(AuthAuthorization.class, answer, () -> "" + answer);
        assertTrue(fixture.cluster.dc(2).keys().find(onDc2.keyId()).orElseThrow().authorized());
    }

    @Test
    void acceptNeedsALoggedInKey() {
        AuthLoginToken token = export(fixture.client(1, "Desktop"));
        error(fixture.client(1, "phone").call(new AuthAcceptLoginToken(token.token())), 401,
                "AUTH_KEY_UNREGISTERED");
    }

    @Test
    void anUnknownTokenIsInvalid() {
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        error(phone.call(new AuthAcceptLoginToken(new byte[32])), 400, "AUTH_TOKEN_INVALID");
    }

    @Test
    void anExpiredTokenCannotBeAccepted() {
        AuthLoginToken token = export(fixture.client(1, "Desktop"));
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        fixture.clock.advance(Duration.ofSeconds(30));
        error(phone.call(new AuthAcceptLoginToken(token.token())), 400, "AUTH_TOKEN_EXPIRED");
    }

    @Test
    void aShorterTtlExpiresSooner() {
        fixture.auth.tokens().ttl(Duration.ofSeconds(5));
        CoreCaller desktop = fixture.client(1, "Desktop");
        AuthLoginToken token = export(desktop);
        assertEquals(fixture.clock.millis() / 1000 + 5, token.expires());
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        fixture.clock.advance(Duration.ofSeconds(6));
        error(phone.call(new AuthAcceptLoginToken(token.token())), 400, "AUTH_TOKEN_EXPIRED");
    }

    @Test
    void anExpiredMigrateTokenCannotBeImported() {
        fixture.auth.tokens().ttl(Duration.ofSeconds(5));
        CoreCaller desktop = fixture.client(1, "Desktop");
        AuthLoginToken token = export(desktop);
        fixture.loggedIn(AuthFixture.BOB, "phone").call(new AuthAcceptLoginToken(token.token()));
        var migrate = (AuthLoginTokenMigrateTo) desktop.call(new AuthExportLoginToken(7, "hash", List.of()));
        fixture.clock.advance(Duration.ofSeconds(5));
        error(fixture.client(2, "Desktop").call(new AuthImportLoginToken(migrate.token())), 400,
                "AUTH_TOKEN_EXPIRED");
    }

    @Test
    void aTokenIsAcceptedOnce() {
        AuthLoginToken token = export(fixture.client(1, "Desktop"));
        CoreCaller phone = fixture.loggedIn(AuthFixture.DAVE, "phone");
        assertInstanceOf(Authorization.class, phone.call(new AuthAcceptLoginToken(token.token())));
        error(phone.call(new AuthAcceptLoginToken(token.token())), 400, "AUTH_TOKEN_ALREADY_ACCEPTED");
    }

    @Test
    void aUserInExceptIdsCannotAccept() {
        long dave = fixture.auth.accounts().byPhone(AuthFixture.DAVE).orElseThrow().userId();
        AuthLoginToken token = export(fixture.client(1, "Desktop"), dave);
        error(fixture.loggedIn(AuthFixture.DAVE, "phone").call(new AuthAcceptLoginToken(token.token())), 400,
                "AUTH_TOKEN_INVALID");
    }
}
