package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mtqr.mtproto.client.CallTimeoutException;
import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.ConnectionStats;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.mtproto.session.SessionStats;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.testkit.SkewableClock;
import dev.mtqr.testkit.server.FirstMsgId;
import dev.mtqr.testkit.server.ServerSettings;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InputUser;
import dev.mtqr.tl.api.UserType;
import dev.mtqr.tl.api.UsersGetUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault real networks and servers produce, at several points of a stream of 1,000 calls (a third of them a
 * counting method that must never run twice), under both {@code first_msg_id} conventions, in virtual time on the
 * simulated network: no call is lost, none executes twice, each ends within {@link Fault#RECOVERY} of virtual time
 * after the last fault before it, and where the fault does not pass, calls end with a typed error.
 */
@ExtendWith(NettyLeakCheck.class)
class DeliveryFaultMatrixTest {
    private static final int CALLS = 1000;
    private static final Duration SPACING = Duration.ofMillis(5);
    private static final List<Integer> STRIKES = List.of(1, 333, 666);

    /** Every fault under every convention; {@code -Dmtqr.matrix.only=FAULT} narrows it to one fault. */
    static Stream<Arguments> cells() {
        String only = System.getProperty("mtqr.matrix.only", "");
        List<Arguments> cells = new ArrayList<>();
        for (FirstMsgId convention : FirstMsgId.values()) {
            for (Fault fault : Fault.values()) {
                if (only.isEmpty() || fault.name().equals(only)) {
                    cells.add(Arguments.of(fault, convention));
                }
            }
        }
        return cells.stream();
    }

    /** One call of the stream and what became of it. */
    private static final class Outcome {
        final int index;
        final long nonce;
        final Duration issued;
        Duration ended;
        Object value;
        Throwable error;

        Outcome(int index, long nonce, Duration issued) {
            this.index = index;
            this.nonce = nonce;
            this.issued = issued;
        }
    }

    @ParameterizedTest(name = "{0}, first_msg_id as the {1}")
    @MethodSource("cells")
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void noCallIsLostOrExecutedTwice(Fault fault, FirstMsgId convention) {
        try (VirtualClient world = new VirtualClient(1, fault.ordinal() * 31L + convention.ordinal(),
                ServerSettings.defaults().withFirstMsgId(convention))) {
            Map<Long, Integer> executed = new ConcurrentHashMap<>();
            world.cluster.handlers().on(UsersGetUsers.class, (request, context) -> {
                long nonce = ((InputUser) request.id().get(0)).userId();
                executed.merge(nonce, 1, Integer::sum);
                return List.<UserType>of();
            });
            InMemorySessionStore store = new InMemorySessionStore();
            MtprotoClient warmUp = world.client(b -> b.sessionStore(store));
            world.await(warmUp.invoke(new HelpGetNearestDc()), Duration.ofSeconds(10));
            warmUp.close();
            SkewableClock clientClock = new SkewableClock(world.time.clock());
            if (fault.before()) {
                fault.strike(world.cluster, clientClock);
            }
            MtprotoClient client = world.client(b -> b.sessionStore(store).clock(clientClock)
                    .callTimeout(Duration.ofMinutes(5)));

            List<Outcome> outcomes = new ArrayList<>();
            List<Duration> strikes = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int index = i;
                world.time.schedule(SPACING.multipliedBy(i), () -> {
                    if (!fault.before() && (fault.permanent() ? index == STRIKES.get(1) : STRIKES.contains(index))) {
                        fault.strike(world.cluster, clientClock);
                        strikes.add(world.time.elapsed());
                    }
                    Outcome outcome = new Outcome(index, index % 3 == 0 ? 1_000_000L + index : 0, world.time.elapsed());
                    outcomes.add(outcome);
                    TlMethod<?> method = outcome.nonce != 0
                            ? new UsersGetUsers(List.of(new InputUser(outcome.nonce, 0))) : new HelpGetNearestDc();
                    CompletableFuture<?> call = client.invoke(method);
                    call.whenComplete((value, error) -> {
                        outcome.ended = world.time.elapsed();
                        outcome.value = value;
                        outcome.error = error instanceof CompletionException c ? c.getCause() : error;
                    });
                });
            }
            boolean allEnded = world.time.runUntil(
                    () -> outcomes.size() == CALLS && outcomes.stream().allMatch(o -> o.ended != null),
                    Duration.ofMinutes(15));
            long pending = outcomes.stream().filter(o -> o.ended == null).count() + CALLS - outcomes.size();
            assertTrue(allEnded, pending + " calls never ended (lost)");

            int succeeded = 0;
            Map<Class<?>, Integer> errors = new HashMap<>();
            for (Outcome outcome : outcomes) {
                int runs = outcome.nonce == 0 ? 0 : executed.getOrDefault(outcome.nonce, 0);
                if (outcome.nonce != 0 && runs > 1) {
                    fail("call " + outcome.index + " executed " + runs + " times");
                }
                if (outcome.error == null) {
                    succeeded++;
                    if (outcome.nonce != 0) {
                        assertEquals(1, runs, "call " + outcome.index + " answered without being executed");
                    }
                    Duration since = lastStrikeBefore(strikes, outcome.ended, outcome.issued);
                    assertTrue(outcome.ended.minus(since).compareTo(Fault.RECOVERY) <= 0, "call " + outcome.index
                            + " ended " + outcome.ended.minus(since).toMillis() + " ms after the fault");
                    continue;
                }
                errors.merge(outcome.error.getClass(), 1, Integer::sum);
                if (outcome.error instanceof ConnectionFailedException) {
                    assertEquals(0, runs, "a call that never went out did not run");
                }
                boolean typed = outcome.error instanceof ConnectionFailedException
                        || outcome.error instanceof OutcomeUnknownException
                        || outcome.error instanceof CallTimeoutException;
                assertTrue(typed, "call " + outcome.index + " ended with " + outcome.error);
            }
            int failed = CALLS - succeeded;
            if (fault.permanent()) {
                assertTrue(succeeded >= STRIKES.get(1) - 5, "calls before the fault succeed: " + succeeded);
                assertTrue(failed > 0, "the fault does not pass");
            } else if (fault == Fault.KEY_FORGOTTEN) {
                assertTrue(errors.keySet().stream().allMatch(OutcomeUnknownException.class::equals),
                        "only calls in flight when the key went are unknown: " + errors);
            } else {
                assertEquals(0, failed, "every call succeeds: " + errors);
            }
            ConnectionStats stats = client.stats(1);
            SessionStats session = stats.session();
            Duration clockError = Duration.between(world.cluster.clock().instant(), client.serverTime(1)).abs();
            System.out.printf("%-27s %-13s ok %4d, failed %3d %s, connections %d, refusals %d, renewals %d, "
                    + "copies %d, dropped packets %d, virtual %s%n", fault, convention, succeeded, failed, errors.keySet()
                    .stream().map(Class::getSimpleName).toList(), stats.connections(), session.refusals(),
                    session.renewals(), session.resentCopies(), session.failedChecks(), world.time.elapsed());
            assertStruck(fault, stats, session, clockError, errors);
        }
    }

    /** Checks that the fault did happen, so that a cell cannot pass for want of one. */
    private static void assertStruck(Fault fault, ConnectionStats stats, SessionStats session, Duration clockError,
            Map<Class<?>, Integer> errors) {
        switch (fault) {
            case DROP_BEFORE_REQUEST, DROP_AFTER_EXECUTION, KEY_FORGOTTEN ->
                    assertTrue(stats.connections() >= 1 + STRIKES.size(), "connections: " + stats.connections());
            case CORRUPT_PACKET -> {
                assertEquals(STRIKES.size(), session.failedChecks(), "packets that failed decryption");
                assertTrue(stats.connections() >= 1 + STRIKES.size(), "connected again at each");
            }
            case DUPLICATED_ANSWER -> assertTrue(session.duplicates() >= STRIKES.size(), "duplicates ignored");
            case SALT_ROTATION -> assertTrue(session.refusals() >= STRIKES.size(), "salts refused");
            case SERVER_CLOCK_BACK_BEFORE, LOCAL_CLOCK_FORWARD_DURING, SERVER_CLOCK_BACK_DURING -> {
                assertTrue(session.renewals() >= (fault.before() ? 1 : STRIKES.size()), "new sessions");
            }
            case SERVER_CLOCK_AHEAD_BEFORE, SERVER_CLOCK_AHEAD_DURING ->
                    assertTrue(session.refusals() >= 1, "msg_ids refused as too old");
            case LOCAL_CLOCK_BACK_DURING -> {
                // the ids stayed valid; the answers from "the future" set the clock right
            }
            case SILENT_SERVER -> assertTrue(errors.keySet().stream().allMatch(e -> e == OutcomeUnknownException.class
                    || e == ConnectionFailedException.class), "typed: " + errors);
            case HTTP_ANSWERER -> assertTrue(stats.lastFailure() instanceof ConnectionFailedException failed
                    && failed.reason() == ConnectionFailedException.Reason.NOT_MTPROTO, "named: " + stats.lastFailure());
        }
        if (!fault.permanent()) {
            assertTrue(clockError.compareTo(Duration.ofSeconds(2)) <= 0, "the client knows the server's time: off by "
                    + clockError);
        }
    }

    /** The latest strike at or before {@code ended}, or the call's own start if that is later. */
    private static Duration lastStrikeBefore(List<Duration> strikes, Duration ended, Duration issued) {
        Duration since = issued;
        for (Duration strike : strikes) {
            if (strike.compareTo(ended) <= 0 && strike.compareTo(since) > 0) {
                since = strike;
            }
        }
        return since;
    }
}
