package dev.mtqr.testkit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.handshake.ServerOptions;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.builtin.BuiltinHandlers;
import dev.mtqr.testkit.server.CoreCaller;
import dev.mtqr.testkit.server.MutableClock;
import dev.mtqr.testkit.server.ServerCluster;
import dev.mtqr.testkit.server.ServerSettings;
import dev.mtqr.testkit.server.TestKeys;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthSendCode;
import dev.mtqr.tl.api.AuthSentCode;
import dev.mtqr.tl.api.AuthSignIn;
import dev.mtqr.tl.api.CodeSettings;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.mtproto.RpcError;
import java.time.Duration;
import java.util.List;

/**
 * A socket-free two-DC cluster with the login service and a clock that stands still, and the steps the tests share.
 * Accounts: Dave on DC 1 ({@link #DAVE}, no 2FA), Bob on DC 2 ({@link #BOB}, no 2FA), Carol on DC 2 with password
 * {@link #CAROL_PASSWORD}.
 */
final class AuthFixture {
    static final String DAVE = "9996610001";
    static final String BOB = "9996620002";
    static final String CAROL = "9996620003";
    static final String CAROL_PASSWORD = "correct horse";

    final MutableClock clock = new MutableClock();
    final AuthService auth = new AuthService(2, clock, RandomSource.secure(), Duration.ofSeconds(30));
    final ServerCluster cluster;

    AuthFixture() {
        RpcHandlers handlers = auth.install(BuiltinHandlers.install(new RpcHandlers()));
        cluster = new ServerCluster(2, "127.0.0.1", ServerOptions.standard(List.of(TestKeys.RSA)),
                ServerSettings.defaults(), clock, RandomSource.secure(), handlers);
        auth.accounts().add(DAVE, null, "Dave");
        auth.accounts().add(BOB, null, "Bob");
        auth.accounts().add(CAROL, CAROL_PASSWORD, "Carol");
    }

    CoreCaller client(int dc, String device) {
        return CoreCaller.connect(cluster.dc(dc), clock, device);
    }

    /** The code sent to {@code phone} through {@code client}: its phone_code_hash. */
    static String sendCode(CoreCaller client, String phone) {
        Object sent = client.call(new AuthSendCode(phone, 7, "hash", new CodeSettings(false, false, false, false,
                false, false, null, null, null)));
        return assertInstanceOf(AuthSentCode.class, sent, () -> "auth.sendCode answered " + sent).phoneCodeHash();
    }

    /** A client on {@code phone}'s home DC, logged in by phone (no 2FA). */
    CoreCaller loggedIn(String phone, String device) {
        int dc = Character.getNumericValue(phone.charAt(5));
        CoreCaller client = client(dc, device);
        String hash = sendCode(client, phone);
        Object answer = client.call(new AuthSignIn(phone, hash, String.valueOf(dc).repeat(5), null));
        AuthAuthorization authorization = assertInstanceOf(AuthAuthorization.class, answer, () -> "" + answer);
        assertEquals(phone, ((User) authorization.user()).phone());
        return client;
    }

    static RpcError error(Object answer, int code, String message) {
        RpcError error = assertInstanceOf(RpcError.class, answer, () -> "expected " + message + ", got " + answer);
        assertEquals(message, error.errorMessage());
        assertEquals(code, error.errorCode());
        return error;
    }
}
