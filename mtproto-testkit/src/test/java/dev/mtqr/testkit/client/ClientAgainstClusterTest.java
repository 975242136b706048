package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.AppInfo;
import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.ConnectionState;
import dev.mtqr.mtproto.client.DcAddress;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.server.ServerSettings;
import dev.mtqr.testkit.server.TestKeys;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.ConfigType;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.NearestDcType;
import dev.mtqr.mtproto.store.FileSessionStore;
import dev.mtqr.mtproto.transport.TransportException;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our client against the test server over real TCP on 127.0.0.1: no mocks on either side. */
class ClientAgainstClusterTest {
    /** Answers from 64 bytes up are gzip'ed, so that gzip_packed is in play in every test. */
    private final TestCluster cluster = TestCluster.builder().dcs(2).rsaKey(TestKeys.RSA)
            .settings(ServerSettings.defaults().withGzipThreshold(64)).start();
    private final List<MtprotoClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MtprotoClient::close);
        cluster.close();
    }

    private MtprotoClient client(TransportKind kind, boolean obfuscated, Clock clock) {
        MtprotoClient client = cluster.clientBuilder()
                .transport(kind, obfuscated)
                .appInfo(AppInfo.of(12345))
                .clock(clock)
                .callTimeout(Duration.ofSeconds(20))
                .sessionStore(new InMemorySessionStore())
                .build();
        clients.add(client);
        return client;
    }

    private MtprotoClient client() {
        return client(TransportKind.INTERMEDIATE, false, Clock.systemUTC());
    }

    @ParameterizedTest
    @CsvSource({"ABRIDGED,false", "INTERMEDIATE,false", "PADDED_INTERMEDIATE,false", "FULL,false",
        "ABRIDGED,true", "INTERMEDIATE,true", "PADDED_INTERMEDIATE,true"})
    void exchangesAKeyAndGetsTheConfigOverEveryTransport(TransportKind kind, boolean obfuscated) throws Exception {
        MtprotoClient client = client(kind, obfuscated, Clock.systemUTC());
        ConfigType config = client.invoke(new HelpGetConfig()).get(30, TimeUnit.SECONDS);
        Config full = assertInstanceOf(Config.class, config);
        assertEquals(1, full.thisDc());
        assertEquals(2, full.dcOptions().size());
    }

    @Test
    void answersAThousandPipelinedCallsOnOneConnection() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i % 10 == 0) {
                calls.add(client.invoke(new HelpGetConfig()));          // a larger answer: gzip'ed by the server
            } else if (i % 10 == 5) {
                // a large call (gzip'ed by the client) the server refuses: a token it never issued
                calls.add(client.invoke(new AuthImportLoginToken(new byte[4000])));
            } else {
                calls.add(client.invoke(new HelpGetNearestDc()));
            }
        }
        int errors = 0;
        for (int i = 0; i < calls.size(); i++) {
            try {
                Object answer = calls.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(i % 10 == 0 ? Config.class : NearestDc.class, answer.getClass());
            } catch (ExecutionException e) {
                assertEquals(5, i % 10, "only the unknown token fails");
                assertEquals(400, assertInstanceOf(RpcException.class, e.getCause()).code());
                errors++;
            }
        }
        assertEquals(100, errors);
    }

    @Test
    void answersEveryCallExactlyOnceWhenTheAnswersAreLostWithTheConnection() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        cluster.dc(1).executions().clear();
        cluster.dc(1).dropBeforeNextAnswer();
        AtomicInteger completions = new AtomicInteger();
        List<CompletableFuture<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            CompletableFuture<NearestDcType> call = client.invoke(new HelpGetNearestDc());
            call.whenComplete((v, e) -> completions.incrementAndGet());
            calls.add(call);
        }
        for (CompletableFuture<NearestDcType> call : calls) {
            assertEquals(1, ((NearestDc) call.get(30, TimeUnit.SECONDS)).thisDc());
        }
        assertEquals(50, completions.get());
        assertEquals(50, cluster.dc(1).executions().count(m -> m instanceof HelpGetNearestDc), "none twice");
        assertTrue(client.stats(1).connections() >= 2, "the connection was dropped and made again");
    }

    @Test
    void recoversFromASaltRotatedByTheServer() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        cluster.dc(1).rotateSalt();
        cluster.dc(1).rotateSalt();
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
    }

    @Test
    void recoversFromAClientClockAnHourOff() throws Exception {
        MtprotoClient client = client(TransportKind.INTERMEDIATE, false,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
    }

    @Test
    void followsAMigrationToTheOtherDcWithItsOwnKey() throws Exception {
        cluster.handlers().on(HelpGetNearestDc.class, (request, ctx) -> {
            if (ctx.dcId() == 1) {
                throw new RpcException(303, "USER_MIGRATE_2");
            }
            return new NearestDc("XX", ctx.dcId(), 2);
        });
        MtprotoClient client = client();
        NearestDc answer = (NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        assertEquals(2, answer.thisDc());
        assertEquals(2, client.mainDc());
        assertTrue(!cluster.dc(2).keys().all().isEmpty(), "DC 2 made a key of its own");
    }

    @Test
    void getsAnUpdateWhosePacketWasCorruptedAgainByConnectingAgain() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        java.util.concurrent.BlockingQueue<TlObject> received = new java.util.concurrent.LinkedBlockingQueue<>();
        client.updates().subscribe(new CollectingSubscriber(received));
        cluster.dc(1).corruptNextFrame();
        SessionHandle session = cluster.dc(1).server().sessions().get(0);
        session.push(new UpdateShort(new UpdateLoginToken(), 1));
        assertEquals(new UpdateShort(new UpdateLoginToken(), 1), received.poll(20, TimeUnit.SECONDS),
                "the client dropped the connection at the bad packet, and the server sent the update again");
        session.push(new UpdateShort(new UpdateLoginToken(), 2));
        assertEquals(new UpdateShort(new UpdateLoginToken(), 2), received.poll(20, TimeUnit.SECONDS));
        assertEquals(1, client.stats(1).session().failedChecks());
        assertTrue(client.stats(1).connections() >= 2, "the client connected again");
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
    }

    @Test
    void refusesAMalformedFrameWithATypedErrorAndReconnects() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        java.util.concurrent.BlockingQueue<ConnectionState> states = new java.util.concurrent.LinkedBlockingQueue<>();
        client.addConnectionListener((dc, state) -> states.add(state));
        cluster.dc(1).sendMalformedFrame();
        assertInstanceOf(ConnectionState.RetryingIn.class, states.poll(20, TimeUnit.SECONDS));
        ConnectionFailedException failure = assertInstanceOf(ConnectionFailedException.class,
                client.stats(1).lastFailure());
        assertEquals(ConnectionFailedException.Reason.BAD_PACKET, failure.reason());
        assertEquals(TransportException.Kind.FRAME_TOO_LARGE,
                assertInstanceOf(TransportException.class, failure.getCause()).kind());
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
        assertTrue(client.stats(1).connections() >= 2, "the client connected again");
    }

    @Test
    void keepsKeysInTheSessionStoreAndReusesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.bin");
        for (int run = 0; run < 2; run++) {
            MtprotoClient client = MtprotoClient.builder().serverKeys(List.of(cluster.publicKey()))
                    .dc(new DcAddress(1, "127.0.0.1", cluster.address(1).getPort()))
                    .sessionStore(new FileSessionStore(file)).build();
            clients.add(client);
            client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
            client.close();
        }
        assertEquals(1, cluster.dc(1).keys().all().size(), "the second run reused the stored key");
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                java.nio.file.Files.getPosixFilePermissions(file));
    }

    @Test
    void cancelsAndTimesOutCallsWithoutHarmingOthers() throws Exception {
        MtprotoClient client = client();
        client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS);
        cluster.dc(1).delayAnswers(Duration.ofSeconds(2));
        CompletableFuture<NearestDcType> slow = client.invoke(1, new HelpGetNearestDc(), Duration.ofMillis(200));
        CompletableFuture<NearestDcType> cancelled = client.invoke(new HelpGetNearestDc());
        cancelled.cancel(true);
        ExecutionException timeout = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> slow.get(10, TimeUnit.SECONDS));
        assertInstanceOf(java.util.concurrent.TimeoutException.class, timeout.getCause());
        cluster.dc(1).delayAnswers(Duration.ZERO);
        assertEquals(1, ((NearestDc) client.invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS)).thisDc());
    }

    @Test
    void completesFuturesOffTheEventLoopSoACallbackMayWaitForAnotherCall() throws Exception {
        MtprotoClient client = client();
        String thread = client.invoke(new HelpGetNearestDc()).thenApply(first -> {
            NearestDcType second = client.invoke(new HelpGetNearestDc()).join();   // would stall an I/O thread
            return Thread.currentThread().getName() + " " + ((NearestDc) second).thisDc();
        }).get(10, TimeUnit.SECONDS);
        assertTrue(thread.endsWith(" 1"), thread);
        assertTrue(!thread.startsWith("mtqr-io"), "not on an event loop: " + thread);
    }

    @Test
    void keepsEveryKeyWhileCallersChangeTheSessionFromOtherThreads() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        MtprotoClient client = cluster.clientBuilder().sessionStore(store).build();
        clients.add(client);
        CompletableFuture<NearestDcType> dc1 = client.invoke(1, new HelpGetNearestDc());
        CompletableFuture<NearestDcType> dc2 = client.invoke(2, new HelpGetNearestDc());
        Thread changer = new Thread(() -> {
            for (int i = 1; i <= 2000; i++) {
                client.setUserId(i);
            }
        });
        changer.start();
        dc1.get(30, TimeUnit.SECONDS);
        dc2.get(30, TimeUnit.SECONDS);
        changer.join();
        client.close();
        var saved = store.load().orElseThrow();
        assertEquals(java.util.Set.of(1, 2), saved.dcs().keySet(), "both keys were saved");
        assertEquals(2000, saved.userId());
    }

    @Test
    void failsACallWithTheServersError() {
        cluster.handlers().on(HelpGetNearestDc.class, (request, ctx) -> {
            throw new RpcException(400, "SOMETHING_INVALID");
        });
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> client().invoke(new HelpGetNearestDc()).get(30, TimeUnit.SECONDS));
        RpcException rpc = assertInstanceOf(RpcException.class, e.getCause());
        assertEquals("SOMETHING_INVALID", rpc.errorMessage());
    }

    /** Takes every update into a list. */
    private record CollectingSubscriber(java.util.Collection<TlObject> into) implements Flow.Subscriber<TlObject> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(TlObject item) {
            into.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
