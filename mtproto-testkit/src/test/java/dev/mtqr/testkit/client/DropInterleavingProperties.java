package dev.mtqr.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.client.CallTimeoutException;
import dev.mtqr.mtproto.client.ConnectionFailedException;
import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.netty.NettyLeakCheckHook;
import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InputUser;
import dev.mtqr.tl.api.UserType;
import dev.mtqr.tl.api.UsersGetUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Whatever order connections drop in — before a request reaches the server, after it ran, cut by the network,
 * dropped by the client, while a key is made — and however time passes between, a counting call never runs twice,
 * every call ends, and every call that succeeded ran exactly once.
 */
@AddLifecycleHook(NettyLeakCheckHook.class)
class DropInterleavingProperties {
    /** One step of a run. */
    sealed interface Step permits Calls, DropBeforeRequest, DropAfterExecution, Cut, ClientDrop, Wait {
    }

    record Calls(int count) implements Step {
    }

    record DropBeforeRequest() implements Step {
    }

    record DropAfterExecution() implements Step {
    }

    record Cut() implements Step {
    }

    record ClientDrop() implements Step {
    }

    record Wait(int millis) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 6).map(Calls::new),
                Arbitraries.just(new DropBeforeRequest()),
                Arbitraries.just(new DropAfterExecution()),
                Arbitraries.just(new Cut()),
                Arbitraries.just(new ClientDrop()),
                Arbitraries.integers().between(0, 1500).map(Wait::new));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 250)
    void aCountingCallNeverRunsTwice(@ForAll("runs") List<Step> steps, @ForAll long seed) {
        try (VirtualClient world = new VirtualClient(1, seed)) {
            Map<Long, Integer> executed = new ConcurrentHashMap<>();
            world.cluster.handlers().on(UsersGetUsers.class, (request, context) -> {
                executed.merge(((InputUser) request.id().get(0)).userId(), 1, Integer::sum);
                return List.<UserType>of();
            });
            InMemorySessionStore store = new InMemorySessionStore();
            MtprotoClient warmUp = world.client(b -> b.sessionStore(store));
            world.await(warmUp.invoke(new HelpGetNearestDc()), Duration.ofSeconds(10));
            warmUp.close();
            MtprotoClient client = world.client(b -> b.sessionStore(store).callTimeout(Duration.ofMinutes(10)));
            List<Long> nonces = new ArrayList<>();
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (Step step : steps) {
                if (step instanceof Calls batch) {
                    for (int i = 0; i < batch.count(); i++) {
                        long nonce = nonces.size() + 1;
                        nonces.add(nonce);
                        calls.add(client.invoke(new UsersGetUsers(List.of(new InputUser(nonce, 0)))));
                    }
                } else if (step instanceof DropBeforeRequest) {
                    world.cluster.dc(1).dropNextRequest();
                } else if (step instanceof DropAfterExecution) {
                    world.cluster.dc(1).dropBeforeNextAnswer();
                } else if (step instanceof Cut) {
                    world.cluster.network().cut(world.cluster.dc(1).dcAddress());
                } else if (step instanceof ClientDrop) {
                    client.disconnect(1);
                } else if (step instanceof Wait wait) {
                    world.time.advance(Duration.ofMillis(wait.millis()));
                }
            }
            assertTrue(world.time.runUntil(() -> calls.stream().allMatch(CompletableFuture::isDone),
                    Duration.ofMinutes(5)), "every call ends");
            for (int i = 0; i < calls.size(); i++) {
                int runs = executed.getOrDefault(nonces.get(i), 0);
                assertTrue(runs <= 1, "call " + nonces.get(i) + " ran " + runs + " times");
                Throwable error = error(calls.get(i));
                if (error == null) {
                    assertEquals(1, runs, "call " + nonces.get(i) + " succeeded without running");
                } else {
                    assertTrue(error instanceof OutcomeUnknownException || error instanceof ConnectionFailedException
                            || error instanceof CallTimeoutException, "typed: " + error);
                }
            }
        }
    }

    private static Throwable error(CompletableFuture<?> call) {
        try {
            call.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
