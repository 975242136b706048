package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.testkit.TestPhones;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.tl.api.AccountGetPassword;
import dev.mtqr.tl.api.AccountPassword;
import dev.mtqr.tl.api.AuthAcceptLoginToken;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthCheckPassword;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenMigrateTo;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InputCheckPasswordSRP;
import dev.mtqr.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtqr.tl.api.User;
import dev.mtqr.mtproto.crypto.Srp;
import dev.mtqr.mtproto.crypto.SrpAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answers a QR login cannot do without — {@code auth.importLoginToken} on the account's DC and
 * {@code auth.checkPassword} — lost with the connection after the server executed the call: the client gets them
 * anyway, from the server's kept answer, and the server executes each once.
 */
@ExtendWith(NettyLeakCheck.class)
class LostLoginAnswerTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final VirtualClient world = new VirtualClient(2, 11);

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void getsTheImportAndThePasswordAnswersLostAfterExecutionAndLogsIn() throws Exception {
        world.cluster.accounts().add("9996621234", "secret", "Alice");
        MtprotoClient phone = world.client();
        world.await(TestPhones.logIn(phone, "9996621234", "secret"), LIMIT).get();
        MtprotoClient device = world.client();
        AuthLoginToken token = (AuthLoginToken) world.await(device.invoke(1, new AuthExportLoginToken(4, "h",
                List.of())), LIMIT).get();
        world.await(phone.invoke(new AuthAcceptLoginToken(token.token())), LIMIT).get();
        AuthLoginTokenMigrateTo migrate = (AuthLoginTokenMigrateTo) world.await(device.invoke(1,
                new AuthExportLoginToken(4, "h", List.of())), LIMIT).get();
        assertEquals(2, migrate.dcId());
        world.await(device.invoke(2, new HelpGetNearestDc()), LIMIT).get();
        world.cluster.dc(2).executions().clear();

        world.cluster.dc(2).dropBeforeNextAnswer();
        ExecutionException imported = assertThrows(ExecutionException.class, () -> world.await(device.invoke(2,
                new AuthImportLoginToken(migrate.token())), LIMIT).get());
        assertInstanceOf(SessionPasswordNeededException.class, imported.getCause(),
                "the kept answer, not AUTH_TOKEN_INVALID from a second execution");

        AccountPassword state = (AccountPassword) world.await(device.invoke(2, new AccountGetPassword()), LIMIT).get();
        world.cluster.dc(2).dropBeforeNextAnswer();
        AuthAuthorization auth = (AuthAuthorization) world.await(device.invoke(2, new AuthCheckPassword(
                srp(state, "secret"))), LIMIT).get();
        assertEquals("Alice", ((User) auth.user()).firstName());

        assertEquals(1, world.cluster.dc(2).executions().count(m -> m instanceof AuthImportLoginToken));
        assertEquals(1, world.cluster.dc(2).executions().count(m -> m instanceof AuthCheckPassword));
        assertEquals(3, device.stats(2).connections(), "both answers came on a new connection");
        long userId = ((User) auth.user()).id();
        List<ClientKey> authorized = world.cluster.dc(2).keys().all().stream().filter(k -> k.userId().orElse(0) == userId)
                .toList();
        assertEquals(2, authorized.size(), "the phone's key and the device's");
    }

    private static InputCheckPasswordSRP srp(AccountPassword state, String password) {
        var algo = (PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow) state.currentAlgo();
        SrpAnswer answer = Srp.answer(password.getBytes(StandardCharsets.UTF_8), algo.salt1(), algo.salt2(), algo.g(),
                algo.p(), state.srpB(), dev.mtqr.mtproto.crypto.RandomSource.secure());
        return new InputCheckPasswordSRP(state.srpId(), answer.a(), answer.m1());
    }
}
