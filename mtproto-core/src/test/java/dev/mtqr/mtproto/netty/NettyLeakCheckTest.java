package dev.mtqr.mtproto.netty;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leak check finds a buffer that was dropped without release, and stays quiet when everything was released. */
@ExtendWith(NettyLeakCheck.class)
class NettyLeakCheckTest {

    @Test
    void listensToTheByteBufDetectorAtParanoidLevel() {
        assertTrue(NettyLeakCheck.installed());
        assertTrue(ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void reportsABufferCollectedWithoutRelease() {
        String hint = "deliberate leak " + UUID.randomUUID();
        leak(hint);
        List<String> leaks = List.of();
        for (int attempt = 0; attempt < 20 && leaks.isEmpty(); attempt++) {
            leaks = NettyLeakCheck.collectLeaks();
        }
        assertTrue(leaks.stream().anyMatch(leak -> leak.contains(hint)), () -> "no leak report names " + hint);
    }

    @Test
    void assertNoLeaksFailsOnALeak() {
        String hint = "deliberate leak " + UUID.randomUUID();
        leak(hint);
        AssertionError failure = null;
        for (int attempt = 0; attempt < 20 && failure == null; attempt++) {
            try {
                NettyLeakCheck.assertNoLeaks();
            } catch (AssertionError e) {
                failure = e;
            }
        }
        assertNotNull(failure, "a leaked buffer passed the check");
        assertTrue(failure.getMessage().contains(hint), failure.getMessage());
    }

    @Test
    void releasedBuffersPass() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(16).writeLong(42);
        buf.release();
        assertDoesNotThrow(NettyLeakCheck::assertNoLeaks);
    }

    @Test
    void jqwikHookFailsAPropertyThatLeaked() {
        String hint = "deliberate leak " + UUID.randomUUID();
        NettyLeakCheckHook hook = new NettyLeakCheckHook();
        PropertyExecutionResult outcome = hook.aroundProperty(null, () -> {
            leak(hint);
            return Outcome.SUCCESSFUL;
        });
        for (int attempt = 0; attempt < 20 && outcome.status() != PropertyExecutionResult.Status.FAILED; attempt++) {
            outcome = hook.aroundProperty(null, () -> Outcome.SUCCESSFUL);
        }
        assertEquals(PropertyExecutionResult.Status.FAILED, outcome.status());
        assertTrue(outcome.throwable().orElseThrow().getMessage().contains(hint));
    }

    /** Allocates a tracked buffer, touches it with {@code hint} and drops it. */
    private static void leak(String hint) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(16).writeLong(7);
        buf.touch(hint);
    }

    /** Just enough of a jqwik result for the hook. */
    private record Outcome(PropertyExecutionResult.Status status, Throwable failure)
            implements PropertyExecutionResult {
        static final Outcome SUCCESSFUL = new Outcome(Status.SUCCESSFUL, null);

        @Override
        public Optional<String> seed() {
            return Optional.empty();
        }

        @Override
        public Optional<List<Object>> falsifiedParameters() {
            return Optional.empty();
        }

        @Override
        public Optional<Throwable> throwable() {
            return Optional.ofNullable(failure);
        }

        @Override
        public int countChecks() {
            return 1;
        }

        @Override
        public int countTries() {
            return 1;
        }

        @Override
        public Optional<FalsifiedSample> originalSample() {
            return Optional.empty();
        }

        @Override
        public Optional<ShrunkFalsifiedSample> shrunkSample() {
            return Optional.empty();
        }

        @Override
        public PropertyExecutionResult mapTo(Status newStatus, Throwable throwable) {
            return new Outcome(newStatus, throwable);
        }
    }
}
