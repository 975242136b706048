package dev.mtqr.qrlogin;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.rpc.AuthTokenAlreadyAcceptedException;
import dev.mtqr.mtproto.rpc.AuthTokenExpiredException;
import dev.mtqr.mtproto.rpc.AuthTokenInvalidException;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scanning side's typed errors, against the test server. */
class QrAcceptorTest {
    private final LoginCluster login = new LoginCluster(Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        login.close();
    }

    private AuthLoginToken export(MtprotoClient device) throws Exception {
        return (AuthLoginToken) device.invoke(new AuthExportLoginToken(4, "hash", List.of())).get(20, TimeUnit.SECONDS);
    }

    private Throwable acceptFails(MtprotoClient phone, LoginUrl url) {
        return assertThrows(ExecutionException.class, () -> QrAcceptor.accept(phone, url).get(20, TimeUnit.SECONDS))
                .getCause();
    }

    @Test
    void aTokenTheServerNeverIssuedIsInvalid() throws Exception {
        login.cluster.accounts().add("9996611111", null, "Ida");
        MtprotoClient phone = login.phone("9996611111", null);
        assertInstanceOf(AuthTokenInvalidException.class, acceptFails(phone, LoginUrl.of(new byte[32])));
    }

    @Test
    void aTokenPastItsExpiryIsExpired() throws Exception {
        login.cluster.accounts().add("9996611112", null, "Jan");
        MtprotoClient phone = login.phone("9996611112", null);
        AuthLoginToken token = export(login.client(1, Clock.systemUTC()));
        Thread.sleep(2500);
        assertInstanceOf(AuthTokenExpiredException.class, acceptFails(phone, LoginUrl.of(token.token())));
    }

    @Test
    void aTokenAcceptedTwiceIsAlreadyAccepted() throws Exception {
        login.cluster.auth().tokens().ttl(Duration.ofSeconds(30));
        login.cluster.accounts().add("9996611113", null, "Kim");
        MtprotoClient phone = login.phone("9996611113", null);
        AuthLoginToken token = export(login.client(1, Clock.systemUTC()));
        QrAcceptor.accept(phone, LoginUrl.of(token.token())).get(20, TimeUnit.SECONDS);
        assertInstanceOf(AuthTokenAlreadyAcceptedException.class, acceptFails(phone, LoginUrl.of(token.token())));
    }
}
