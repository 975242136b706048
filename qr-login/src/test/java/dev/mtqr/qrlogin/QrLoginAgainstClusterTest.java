package dev.mtqr.qrlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.rpc.AuthTokenAlreadyAcceptedException;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.Authorization;
import dev.mtqr.tl.api.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The new device logs in by QR code against the test server; a phone logged in by phone number scans it. */
class QrLoginAgainstClusterTest {
    private LoginCluster login = new LoginCluster(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        login.close();
    }

    private QrLogin.Builder qr(MtprotoClient device, BlockingQueue<LoginQr> codes) {
        return QrLogin.builder(device).api(4, "hash").onQr(codes::add);
    }

    @Test
    void logsInWhenThePhoneAcceptsTheCode() throws Exception {
        login.cluster.accounts().add("9996612345", null, "Alice");
        MtprotoClient phone = login.phone("9996612345", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).build().start();

        LoginQr code = codes.poll(20, TimeUnit.SECONDS);
        assertTrue(code.url().url().startsWith("tg://login?token="));
        assertTrue(code.remaining().compareTo(Duration.ofSeconds(20)) > 0, "about 30 s left: " + code.remaining());
        Authorization accepted = (Authorization) QrAcceptor.accept(phone, code.url().url()).get(20, TimeUnit.SECONDS);
        assertEquals(4, accepted.apiId());

        AuthAuthorization auth = result.get(20, TimeUnit.SECONDS);
        assertEquals("Alice", ((User) auth.user()).firstName());
        assertEquals(((User) auth.user()).id(), device.userId());
        ExecutionException again = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> QrAcceptor.accept(phone, code.url()).get(20, TimeUnit.SECONDS));
        // Used up: already accepted, or (once the device has logged in with it) no longer known.
        assertTrue(again.getCause() instanceof AuthTokenAlreadyAcceptedException
                || again.getCause() instanceof dev.mtqr.mtproto.rpc.AuthTokenInvalidException, again.getCause().toString());
    }

    @Test
    void followsTheMigrationAndAsksThePasswordAgainAfterAWrongOne() throws Exception {
        login.cluster.accounts().add("9996623456", "correct horse", "Bob");
        MtprotoClient phone = login.phone("9996623456", "correct horse");
        MtprotoClient device = login.client(1, Clock.systemUTC());
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes)
                .password((hint, wrong) -> {
                    asked.add(wrong);
                    return CompletableFuture.completedFuture(wrong ? "correct horse" : "wrong horse");
                }).build().start();
        QrAcceptor.accept(phone, codes.poll(20, TimeUnit.SECONDS).url()).get(20, TimeUnit.SECONDS);
        AuthAuthorization auth = result.get(60, TimeUnit.SECONDS);
        assertEquals("Bob", ((User) auth.user()).firstName());
        assertEquals(List.of(false, true), asked, "asked once, then again after PASSWORD_HASH_INVALID");
        assertEquals(2, device.mainDc(), "the account's DC became the main DC");
    }

    @Test
    void refreshesTheCodeBeforeTheServersExpiryEvenWithTheLocalClockFiveMinutesOff() throws Exception {
        login.close();
        login = new LoginCluster(Duration.ofSeconds(5));
        MtprotoClient device = login.client(1, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).refreshMargin(Duration.ofSeconds(1)).build().start();
        LoginQr first = codes.poll(20, TimeUnit.SECONDS);
        assertTrue(first.remaining().compareTo(Duration.ofSeconds(6)) <= 0
                && first.remaining().compareTo(Duration.ofSeconds(2)) >= 0, "remaining by the server's clock: "
                + first.remaining());
        LoginQr second = codes.poll(20, TimeUnit.SECONDS);
        assertFalse(first.url().equals(second.url()), "a new token");
        assertTrue(Instant.now().isBefore(first.expires()) || Instant.now().minusSeconds(1).isBefore(first.expires()),
                "refreshed before the first one expired");
        result.cancel(true);
    }

    @Test
    void cancellingStopsTheRefreshesAndLeavesTheClientUsable() throws Exception {
        login.close();
        login = new LoginCluster(Duration.ofSeconds(3));
        MtprotoClient device = login.client(1, Clock.systemUTC());
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).refreshMargin(Duration.ofSeconds(1)).build().start();
        codes.poll(20, TimeUnit.SECONDS);
        result.cancel(true);
        codes.clear();
        assertEquals(null, codes.poll(4, TimeUnit.SECONDS), "no refresh after the cancel");
        assertEquals(1, device.invoke(new dev.mtqr.tl.api.HelpGetNearestDc()).get(20, TimeUnit.SECONDS) instanceof
                dev.mtqr.tl.api.NearestDc nearest ? nearest.thisDc() : -1);
    }
}
