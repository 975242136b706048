package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.CallTimeoutException;
import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.ConnectionFailedException.Reason;
import dev.mtqr.mtproto.client.ConnectionState;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.testkit.sim.Endpoint;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.NearestDcType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Why a connection cannot be made, typed and observable within seconds, in virtual time. */
@ExtendWith(NettyLeakCheck.class)
class ConnectionFailuresTest {
    private final VirtualClient world = new VirtualClient(1, 7);

    @AfterEach
    void stop() {
        world.close();
    }

    private Throwable failure(CompletableFuture<?> call) {
        world.await(call, Duration.ofMinutes(5));
        return assertThrows(ExecutionException.class, call::get).getCause();
    }

    @Test
    void aRefusedDcIsTriedAsThePolicySaysThenTheCallFailsWithTheReason() {
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.REFUSE);
        MtprotoClient client = world.client();
        ConnectionFailedException failed = assertInstanceOf(ConnectionFailedException.class,
                failure(client.invoke(new HelpGetNearestDc())));
        assertEquals(Reason.REFUSED, failed.reason());
        assertEquals("DC 1 at 192.0.2.1:443: connection refused", failed.getMessage());
        assertEquals(List.of("1:connecting(1)", "1:retrying(REFUSED)", "1:connecting(2)", "1:retrying(REFUSED)",
                "1:connecting(3)", "1:retrying(REFUSED)", "1:connecting(4)", "1:retrying(REFUSED)",
                "1:connecting(5)", "1:failed(REFUSED)"), world.states);
        assertTrue(world.time.elapsed().compareTo(Duration.ofSeconds(8)) < 0, "four backoffs of at most 0.25+0.5+1+2 s");
    }

    @Test
    void aDcThatComesBackAnswersTheCallThatWaited() throws Exception {
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.REFUSE);
        MtprotoClient client = world.client();
        CompletableFuture<NearestDcType> call = client.invoke(new HelpGetNearestDc());
        world.time.runUntil(() -> world.states.contains("1:connecting(3)"), Duration.ofMinutes(1));
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.SERVE);
        assertEquals(1, ((NearestDc) world.await(call, Duration.ofMinutes(1)).get()).thisDc());
        assertEquals("1:ready", world.states.get(world.states.size() - 1));
        assertInstanceOf(ConnectionState.Ready.class, client.connectionState(1));
    }

    @Test
    void anHttpServerIsNamedByItsStatusLineAndNotTriedAgain() {
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.HTTP);
        ConnectionFailedException failed = assertInstanceOf(ConnectionFailedException.class,
                failure(world.client().invoke(new HelpGetNearestDc())));
        assertEquals(Reason.NOT_MTPROTO, failed.reason());
        assertEquals("DC 1 at 192.0.2.1:443: does not speak MTProto: it answered \"HTTP/1.1 400 Bad Request\"",
                failed.getMessage());
        assertEquals(List.of("1:connecting(1)", "1:failed(NOT_MTPROTO)"), world.states);
        assertTrue(world.time.elapsed().compareTo(Duration.ofSeconds(1)) < 0, "at once: " + world.time.elapsed());
    }

    @Test
    void aSilentServerTimesOutEachAttemptAndTheCallsTimeoutNamesIt() {
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.SILENT);
        Throwable error = failure(world.client().invoke(new HelpGetNearestDc()));
        CallTimeoutException timeout = assertInstanceOf(CallTimeoutException.class, error);
        ConnectionFailedException cause = assertInstanceOf(ConnectionFailedException.class, timeout.getCause());
        assertEquals(Reason.TIMED_OUT, cause.reason());
        assertEquals("DC 1 at 192.0.2.1:443: no answer within 10 s", cause.getMessage());
        assertEquals("1:retrying(TIMED_OUT)", world.states.get(1));
        assertEquals(Duration.ofSeconds(30), world.time.elapsed(), "the call's own timeout, with the reason");
    }

    @Test
    void anUnreachableHostIsSaidSo() {
        world.cluster.network().set(world.cluster.dc(1).dcAddress(), Endpoint.UNREACHABLE);
        ConnectionFailedException failed = assertInstanceOf(ConnectionFailedException.class,
                failure(world.client(b -> b.retryPolicy(
                        dev.mtqr.mtproto.client.RetryPolicy.connecting().withMaxAttempts(1))).invoke(
                        new HelpGetNearestDc())));
        assertEquals(Reason.UNREACHABLE, failed.reason());
    }

    @Test
    void aServerWithAnotherKeyFailsTheKeyExchangeWithTheCheckNamed() {
        RsaPrivateKey other = RsaPrivateKey.generate(2048);
        MtprotoClient stranger = MtprotoClient.builder().serverKeys(List.of(other.publicKey()))
                .dc(world.cluster.dc(1).dcAddress()).scheduler(world.time).dialer(world.cluster.network())
                .callbackExecutor(world.time).clock(world.time.clock()).build();
        world.clients.add(stranger);
        ConnectionFailedException failed = assertInstanceOf(ConnectionFailedException.class,
                failure(stranger.invoke(new HelpGetNearestDc())));
        assertEquals(Reason.KEY_EXCHANGE_REFUSED, failed.reason());
        assertTrue(failed.getMessage().contains("FINGERPRINT"), failed.getMessage());
    }
}
