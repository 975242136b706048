package dev.mtqr.qrlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.testkit.TestPhones;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.testkit.rpc.SessionHandle;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.AuthAuthorization;
import dev.mtqr.tl.api.AuthExportLoginToken;
import dev.mtqr.tl.api.AuthImportLoginToken;
import dev.mtqr.tl.api.AuthLoginToken;
import dev.mtqr.tl.api.AuthLoginTokenType;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.api.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link QrLogin} copes with races, lost updates, errors, faults, clock skew and load on the test cluster. */
class QrLoginBehaviourTest {
    private LoginCluster login;

    @AfterEach
    void stop() {
        if (login != null) {
            login.close();
        }
    }

    private LoginCluster cluster(Duration tokenTtl) {
        login = new LoginCluster(tokenTtl);
        return login;
    }

    /** The cluster's own login handlers, bound to the same accounts and tokens, to delegate to from a wrapper. */
    private RpcHandlers originals() {
        return login.cluster.auth().install(new RpcHandlers());
    }

    private static QrLogin.Builder qr(MtprotoClient device, BlockingQueue<LoginQr> codes) {
        return QrLogin.builder(device).api(4, "hash").onQr(codes::add);
    }

    private static String name(AuthAuthorization auth) {
        return ((User) auth.user()).firstName();
    }

    /** Counts the {@code updateLoginToken}s the client receives. */
    private static AtomicInteger loginTokenUpdates(MtprotoClient client) {
        AtomicInteger count = new AtomicInteger();
        client.updates().subscribe(new Flow.Subscriber<TlObject>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(TlObject update) {
                if (update instanceof UpdateShort s && s.update() instanceof UpdateLoginToken) {
                    count.incrementAndGet();
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return count;
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration max, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anUpdateArrivingWhileTheListenerRunsIsNotLost() throws Exception {
        cluster(Duration.ofSeconds(60));
        login.cluster.accounts().add("9996611111", null, "Alice");
        MtprotoClient phone = login.phone("9996611111", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        AtomicInteger updates = loginTokenUpdates(device);
        List<LoginQr> codes = new CopyOnWriteArrayList<>();
        AtomicBoolean updateSeenInListener = new AtomicBoolean();
        CompletableFuture<AuthAuthorization> result = QrLogin.builder(device).api(4, "hash").onQr(code -> {
            codes.add(code);
            try {
                // Still inside the listener: the phone accepts and the update reaches the device.
                QrAcceptor.accept(phone, code.url()).get(20, TimeUnit.SECONDS);
                await(() -> updates.get() > 0, Duration.ofSeconds(10), "the updateLoginToken");
                updateSeenInListener.set(true);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).build().start();

        // The next refresh is ~58 s away: only the update can finish the login this soon.
        AuthAuthorization auth = result.get(15, TimeUnit.SECONDS);
        assertTrue(updateSeenInListener.get(), "the update arrived while the listener ran");
        assertEquals("Alice", name(auth));
        assertEquals(1, codes.size(), "one code: " + codes);
        assertEquals(((User) auth.user()).id(), device.userId());
    }

    @Test
    void anUpdateArrivingDuringARefreshIsNotLost() throws Exception {
        cluster(Duration.ofSeconds(3));
        login.cluster.accounts().add("9996612222", null, "Dora");
        MtprotoClient phone = login.phone("9996612222", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        AtomicInteger updates = loginTokenUpdates(device);
        RpcHandlers original = originals();
        AtomicInteger exports = new AtomicInteger();
        BlockingQueue<byte[]> refreshed = new LinkedBlockingQueue<>();
        login.cluster.handlers().on(AuthExportLoginToken.class, (request, context) -> {
            boolean refresh = exports.incrementAndGet() == 2;
            if (refresh) {
                // The refreshed token lives long: no periodic refresh soon after it.
                login.cluster.auth().tokens().ttl(Duration.ofSeconds(60));
            }
            AuthLoginTokenType answer = (AuthLoginTokenType) original.handle(request, context);
            if (refresh) {
                // The refresh's answer is held back 3 s.
                login.cluster.dc(1).delayAnswers(Duration.ofSeconds(3));
                refreshed.add(((AuthLoginToken) answer).token());
            }
            return answer;
        });
        List<LoginQr> codes = new CopyOnWriteArrayList<>();
        CompletableFuture<AuthAuthorization> result = QrLogin.builder(device).api(4, "hash").onQr(codes::add)
                .refreshMargin(Duration.ofSeconds(1)).build().start();

        byte[] token = refreshed.poll(20, TimeUnit.SECONDS);
        assertNotNull(token, "the refresh export");
        // Let the DC write the held-back answer (the delay is read when a packet goes out), then stop delaying.
        Thread.sleep(300);
        login.cluster.dc(1).delayAnswers(Duration.ZERO);
        // The phone accepts the refreshed token; the update overtakes the export's held-back answer.
        QrAcceptor.accept(phone, LoginUrl.of(token)).get(20, TimeUnit.SECONDS);
        await(() -> updates.get() > 0, Duration.ofSeconds(10), "the updateLoginToken");
        assertEquals(1, codes.size(), "the update came while the refresh was still in flight");

        AuthAuthorization auth = result.get(15, TimeUnit.SECONDS);
        assertEquals("Dora", name(auth));
        assertEquals(2, codes.size(), "the first code and the refreshed one");
        assertTrue(codes.get(1).remaining().compareTo(Duration.ofSeconds(30)) > 0, "the refreshed code lives long");
        assertEquals(3, exports.get(), "exported again after the in-flight refresh");
    }

    @Test
    void withoutTheUpdateThePeriodicExportCompletesTheLogin() throws Exception {
        cluster(Duration.ofSeconds(5));
        login.cluster.accounts().add("9996613333", null, "Erin");
        MtprotoClient phone = login.phone("9996613333", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        AtomicInteger updates = loginTokenUpdates(device);
        RpcHandlers original = originals();
        AtomicInteger lostPushes = new AtomicInteger();
        AtomicInteger exports = new AtomicInteger();
        // The exporting session the server remembers swallows what is pushed to it: the update never arrives.
        login.cluster.handlers().on(AuthExportLoginToken.class, (request, context) -> {
            exports.incrementAndGet();
            SessionHandle real = context.session();
            SessionHandle deaf = new SessionHandle() {
                @Override
                public int dcId() {
                    return real.dcId();
                }

                @Override
                public long sessionId() {
                    return real.sessionId();
                }

                @Override
                public ClientKey key() {
                    return real.key();
                }

                @Override
                public boolean connected() {
                    return real.connected();
                }

                @Override
                public void push(TlObject update) {
                    lostPushes.incrementAndGet();
                }
            };
            RpcContext lossy = new RpcContext(context.dcId(), context.key(), deaf, context.requestMsgId(),
                    context.cluster(), context.clock(), context.random());
            return (AuthLoginTokenType) original.handle(request, lossy);
        });
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).refreshMargin(Duration.ofSeconds(1)).build()
                .start();
        LoginQr code = codes.poll(20, TimeUnit.SECONDS);
        QrAcceptor.accept(phone, code.url()).get(20, TimeUnit.SECONDS);

        AuthAuthorization auth = result.get(15, TimeUnit.SECONDS);
        assertEquals("Erin", name(auth));
        assertEquals(1, lostPushes.get(), "the server's push was swallowed");
        assertEquals(0, updates.get(), "no update reached the device");
        assertEquals(2, exports.get(), "the periodic export found the acceptance");
        assertNull(codes.poll(), "no code after the acceptance");
    }

    @Test
    void anExpiredImportAfterTheMigrationExportsAgainAndCompletesAfterASecondScan() throws Exception {
        cluster(Duration.ofSeconds(60));
        login.cluster.accounts().add("9996624444", null, "Carol");
        MtprotoClient phone = login.phone("9996624444", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        RpcHandlers original = originals();
        AtomicInteger imports = new AtomicInteger();
        login.cluster.handlers().on(AuthImportLoginToken.class, (request, context) -> {
            if (imports.incrementAndGet() == 1) {
                throw new RpcException(400, "AUTH_TOKEN_EXPIRED");
            }
            return (AuthLoginTokenType) original.handle(request, context);
        });
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).build().start();

        LoginQr first = codes.poll(20, TimeUnit.SECONDS);
        QrAcceptor.accept(phone, first.url()).get(20, TimeUnit.SECONDS);
        LoginQr second = codes.poll(20, TimeUnit.SECONDS);
        assertNotNull(second, "a new code after AUTH_TOKEN_EXPIRED");
        assertNotEquals(first.url(), second.url());
        assertEquals(1, imports.get());
        assertTrue(!result.isDone(), "still waiting for the second scan");
        QrAcceptor.accept(phone, second.url()).get(20, TimeUnit.SECONDS);

        AuthAuthorization auth = result.get(20, TimeUnit.SECONDS);
        assertEquals("Carol", name(auth));
        assertEquals(2, imports.get());
        assertEquals(2, device.mainDc(), "the account's DC became the main DC");
        assertNull(codes.poll(), "no third code");
    }

    @Test
    void aFloodWaitOnExportIsWaitedOut() throws Exception {
        cluster(Duration.ofSeconds(60));
        login.cluster.accounts().add("9996615555", null, "Fay");
        MtprotoClient phone = login.phone("9996615555", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        RpcHandlers original = originals();
        List<Long> exportTimes = new CopyOnWriteArrayList<>();
        login.cluster.handlers().on(AuthExportLoginToken.class, (request, context) -> {
            exportTimes.add(System.nanoTime());
            if (exportTimes.size() == 1) {
                throw new RpcException(420, "FLOOD_WAIT_1");
            }
            return (AuthLoginTokenType) original.handle(request, context);
        });
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).build().start();

        LoginQr code = codes.poll(20, TimeUnit.SECONDS);
        assertNotNull(code, "a code after the flood wait");
        assertEquals(2, exportTimes.size());
        long waited = TimeUnit.NANOSECONDS.toMillis(exportTimes.get(1) - exportTimes.get(0));
        assertTrue(waited >= 900, "waited the second out: " + waited + " ms");
        QrAcceptor.accept(phone, code.url()).get(20, TimeUnit.SECONDS);

        assertEquals("Fay", name(result.get(15, TimeUnit.SECONDS)));
        assertNull(codes.poll(), "one code");
    }

    @Test
    void aConnectionDroppedWhileWaitingForTheScanIsRecovered() throws Exception {
        cluster(Duration.ofSeconds(60));
        login.cluster.accounts().add("9996616666", null, "Gus");
        MtprotoClient phone = login.phone("9996616666", null);
        MtprotoClient device = login.client(1, Clock.systemUTC());
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).build().start();
        LoginQr code = codes.poll(20, TimeUnit.SECONDS);

        int before = login.cluster.dc(1).connectionCount();
        assertTrue(before >= 2, "the phone and the device are connected: " + before);
        login.cluster.dc(1).dropConnections();
        await(() -> login.cluster.dc(1).connectionCount() == 0, Duration.ofSeconds(10), "the drop");
        QrAcceptor.accept(phone, code.url()).get(20, TimeUnit.SECONDS);

        // The refresh is ~58 s away: the device must come back and get the update.
        AuthAuthorization auth = result.get(20, TimeUnit.SECONDS);
        assertEquals("Gus", name(auth));
        assertNull(codes.poll(), "one code");
        assertEquals(1, device.invoke(new HelpGetNearestDc()).get(20, TimeUnit.SECONDS) instanceof NearestDc n
                ? n.thisDc() : -1);
    }

    @Test
    void theOverallTimeoutFailsTheFutureStopsTheCodesAndLeavesTheClientUsable() throws Exception {
        cluster(Duration.ofSeconds(2));
        MtprotoClient device = login.client(1, Clock.systemUTC());
        RpcHandlers original = originals();
        AtomicInteger exports = new AtomicInteger();
        login.cluster.handlers().on(AuthExportLoginToken.class, (request, context) -> {
            exports.incrementAndGet();
            return (AuthLoginTokenType) original.handle(request, context);
        });
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).refreshMargin(Duration.ofSeconds(1))
                .timeout(Duration.ofMillis(3500)).build().start();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(20, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertTrue(codes.size() >= 2, "refreshed until the timeout: " + codes.size());
        int exported = exports.get();
        codes.clear();
        assertNull(codes.poll(3, TimeUnit.SECONDS), "no code after the timeout");
        assertEquals(exported, exports.get(), "no export after the timeout");
        assertEquals(1, device.invoke(new HelpGetNearestDc()).get(20, TimeUnit.SECONDS) instanceof NearestDc n
                ? n.thisDc() : -1);
    }

    @Test
    void aLoginThatCannotReachItsDcTimesOutNamingWhy() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (MtprotoClient device = MtprotoClient.builder().serverKeys(List.of(dev.mtqr.mtproto.crypto.RsaPrivateKey.generate(2048).publicKey()))
                .dc(new dev.mtqr.mtproto.client.DcAddress(1, "127.0.0.1", closed)).build()) {
            CompletableFuture<AuthAuthorization> result = QrLogin.builder(device).api(4, "hash")
                    .timeout(Duration.ofMillis(1500)).build().start();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(20, TimeUnit.SECONDS));
            TimeoutException timeout = assertInstanceOf(TimeoutException.class, failure.getCause());
            ConnectionFailedException why = assertInstanceOf(ConnectionFailedException.class, timeout.getCause());
            assertEquals(ConnectionFailedException.Reason.REFUSED, why.reason());
        }
    }

    @Test
    void withTheLocalClockFiveMinutesAheadTheServersClockCounts() throws Exception {
        cluster(Duration.ofSeconds(10));
        MtprotoClient device = login.client(1, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)));
        BlockingQueue<LoginQr> codes = new LinkedBlockingQueue<>();
        CompletableFuture<AuthAuthorization> result = qr(device, codes).refreshMargin(Duration.ofSeconds(2)).build()
                .start();
        try {
            LoginQr first = codes.poll(20, TimeUnit.SECONDS);
            long shownAt = System.nanoTime();
            assertTrue(first.remaining().compareTo(Duration.ofSeconds(7)) >= 0
                    && first.remaining().compareTo(Duration.ofSeconds(11)) <= 0,
                    "remaining by the server's clock: " + first.remaining());
            Duration fromRealNow = Duration.between(Instant.now(), first.expires());
            assertTrue(fromRealNow.compareTo(Duration.ofSeconds(7)) >= 0
                    && fromRealNow.compareTo(Duration.ofSeconds(11)) <= 0, "expires by the server: " + fromRealNow);
            LoginQr second = codes.poll(20, TimeUnit.SECONDS);
            long gap = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - shownAt);
            assertNotNull(second);
            assertNotEquals(first.url(), second.url());
            assertTrue(gap >= 5000, "not refreshed early (as a clock 5 min ahead would make it): " + gap + " ms");
            assertTrue(Instant.now().isBefore(first.expires()), "refreshed before the first code expired");
        } finally {
            result.cancel(true);
        }
    }

    @Test
    void fiftyLoginsAtOnceAllComplete() throws Exception {
        cluster(Duration.ofSeconds(30));
        int n = 50;
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = "99966" + (1 + i % 2) + String.format("%04d", i);
            login.cluster.accounts().add(phone, null, "User" + i);
            phones.add(phone);
        }
        // The phones log in concurrently.
        List<MtprotoClient> scanners = new ArrayList<>();
        List<CompletableFuture<?>> signIns = new ArrayList<>();
        for (String phone : phones) {
            MtprotoClient client = login.client(1, Clock.systemUTC());
            scanners.add(client);
            signIns.add(TestPhones.logIn(client, phone, null));
        }
        CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long start = System.nanoTime();
        List<CompletableFuture<AuthAuthorization>> results = new ArrayList<>();
        List<MtprotoClient> devices = new ArrayList<>();
        List<AtomicInteger> codeCounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MtprotoClient device = login.client(1, Clock.systemUTC());
            MtprotoClient phone = scanners.get(i);
            AtomicInteger count = new AtomicInteger();
            devices.add(device);
            codeCounts.add(count);
            results.add(QrLogin.builder(device).api(4, "hash").onQr(code -> {
                if (count.incrementAndGet() == 1) {
                    QrAcceptor.accept(phone, code.url());
                }
            }).build().start());
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took < 60_000, took + " ms");
        for (int i = 0; i < n; i++) {
            AuthAuthorization auth = results.get(i).get();
            assertEquals("User" + i, name(auth), "login " + i);
            assertEquals(1 + i % 2, devices.get(i).mainDc(), "login " + i);
            assertEquals(1, codeCounts.get(i).get(), "login " + i);
        }
    }
}
