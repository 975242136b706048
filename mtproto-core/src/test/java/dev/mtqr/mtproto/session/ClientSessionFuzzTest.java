package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mtqr.mtproto.session.ClientSession.Receipt;
import dev.mtqr.mtproto.session.HostilePackets.Hostile;
import dev.mtqr.mtproto.session.HostilePackets.Kind;
import dev.mtqr.tl.api.HelpGetNearestDc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientSession#receive} against a million hostile packets from {@link HostilePackets}
 * (core.telegram.org/mtproto/security_guidelines): it never throws, each packet gets the receipt it is owed, gzip_packed
 * nested thousands of levels deep stays cheap, and afterwards the session still completes a call. A failure names the
 * seed, the packet's number and kind and the body it carried; {@code -Dmtqr.fuzz.seed=…} runs another sequence.
 */
class ClientSessionFuzzTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessionFuzzTest.class);
    private static final long SEED = Long.getLong("mtqr.fuzz.seed", 0x6d747172L);
    private static final int PACKETS = 1_000_000;
    /** How often calls are queued and what the session has to send is drained (and learnt from). */
    private static final int EXCHANGE_EVERY = 50;
    private static final int FAILURES_SHOWN = 10;
    /** Far above what one inflate of a 6000-level nest costs, far below what inflating every level would. */
    private static final long GZIP_NESTED_MEAN_LIMIT_NANOS = 25_000_000;

    private final SessionFixture fixture = new SessionFixture();
    private final ClientSession session = fixture.session;
    private final int[][] receipts = new int[Kind.values().length][Receipt.values().length];
    private final long[] nanos = new long[Kind.values().length];
    private final List<String> failures = new ArrayList<>();
    private Throwable firstThrown;
    private volatile int at;
    private volatile Kind atKind;

    @Test
    void takesAMillionHostilePacketsWithoutThrowingAndStillCompletesACall() {
        assertTimeoutPreemptively(Duration.ofMinutes(5), this::fuzzThenCall,
                () -> "seed " + SEED + ": receive did not return within 5 minutes, at packet " + at + " (" + atKind
                        + ")");
    }

    private void fuzzThenCall() throws Exception {
        LOG.info("client session fuzz: seed {}", SEED);
        HostilePackets hostile = new HostilePackets(fixture, new Random(SEED));
        long start = System.nanoTime();
        for (int i = 0; i < PACKETS; i++) {
            if (i % EXCHANGE_EVERY == 0) {
                exchange(hostile);
            }
            Hostile packet = hostile.next();
            at = i;
            atKind = packet.kind();
            receiveOne(i, packet);
            hostile.received(packet);
        }
        long elapsed = System.nanoTime() - start;
        LOG.info(summary(elapsed));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + PACKETS + " packets broke receive (seed " + SEED + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))), firstThrown);
        }
        assertCountersMoved();
        assertGzipNestingStaysCheap();
        assertStillCompletesACall();
    }

    private void receiveOne(int index, Hostile packet) {
        Receipt receipt;
        long start = System.nanoTime();
        try {
            receipt = session.receive(packet.packet());
        } catch (Throwable e) {
            String failure = describe(index, packet) + ": receive threw " + e;
            if (firstThrown == null) {
                firstThrown = e;
            }
            if (failures.size() < FAILURES_SHOWN) {
                LOG.error(failure, e);
            }
            failures.add(failure);
            return;
        }
        nanos[packet.kind().ordinal()] += System.nanoTime() - start;
        if (receipt != packet.owed()) {
            failures.add(describe(index, packet) + ": receipt " + receipt + ", owed " + packet.owed());
            return;
        }
        receipts[packet.kind().ordinal()][receipt.ordinal()]++;
    }

    /** What the session's owner does now and then: queue a call, send what is queued, let retiring calls go. */
    private void exchange(HostilePackets hostile) {
        fixture.call(new HelpGetNearestDc());
        hostile.learn(session.drain());
        session.expireRetiring();
        fixture.updates.clear();
    }

    private void assertCountersMoved() {
        SessionStats stats = session.stats();
        assertAll("after " + PACKETS + " packets (seed " + SEED + "): " + stats,
                () -> assertEquals(total(Receipt.UNDECRYPTABLE), stats.failedChecks(), "UNDECRYPTABLE receipts"),
                () -> assertEquals(total(Receipt.IGNORED), stats.wrongSession(), "IGNORED receipts"),
                () -> assertTrue(total(Receipt.ACCEPTED) > PACKETS / 2, "ACCEPTED receipts"),
                () -> assertTrue(stats.undecodable() > 0, "undecodable"),
                () -> assertTrue(stats.badMsgIds() > 0, "bad msg_ids"),
                () -> assertTrue(stats.outsideWindow() > 0, "outside the time window"),
                () -> assertTrue(stats.duplicates() > 0, "duplicates"),
                () -> assertTrue(stats.refusals() > 0, "refusals"),
                () -> assertTrue(stats.renewals() > 0, "renewals"),
                () -> assertTrue(stats.resentCopies() > 0, "copies sent again"),
                () -> {
                    for (Kind kind : Kind.values()) {
                        assertTrue(count(kind) > 0, "no packet of kind " + kind);
                    }
                });
    }

    private void assertGzipNestingStaysCheap() {
        long mean = nanos[Kind.GZIP_NESTED.ordinal()] / Math.max(1, count(Kind.GZIP_NESTED));
        assertTrue(mean < GZIP_NESTED_MEAN_LIMIT_NANOS, "gzip_packed nested up to "
                + HostilePackets.GZIP_DEPTHS[HostilePackets.GZIP_DEPTHS.length - 1] + " levels took " + mean / 1000
                + " µs a packet on average");
    }

    private void assertStillCompletesACall() {
        session.drain();
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        List<InnerMessage> sent = fixture.calls(session.drain());
        assertEquals(1, sent.size(), "the call goes out alone: " + sent);
        long msgId = sent.get(0).msgId();
        assertEquals(Receipt.ACCEPTED, session.receive(fixture.server.send(session,
                ScriptedServer.rpcResult(msgId, SessionFixture.NEAREST))));
        assertEquals(SessionFixture.NEAREST, answer.getNow(null), "after the hostile packets (seed " + SEED + "), "
                + session.stats());
    }

    private String describe(int index, Hostile packet) {
        return "seed " + SEED + ", packet " + index + " (" + packet.kind() + ", " + packet.packet().length
                + " bytes), body " + HostilePackets.hex(packet.body(), 96);
    }

    private int count(Kind kind) {
        int sum = 0;
        for (int n : receipts[kind.ordinal()]) {
            sum += n;
        }
        return sum;
    }

    private long total(Receipt receipt) {
        long sum = 0;
        for (int[] byKind : receipts) {
            sum += byKind[receipt.ordinal()];
        }
        return sum;
    }

    private String summary(long elapsedNanos) {
        StringBuilder line = new StringBuilder("client session fuzz, seed " + SEED + ": " + PACKETS + " packets in "
                + elapsedNanos / 1_000_000 + " ms;");
        for (Receipt receipt : Receipt.values()) {
            line.append(' ').append(receipt).append(' ').append(total(receipt));
        }
        line.append("; per kind (accepted/ignored/undecryptable, mean µs):");
        for (Kind kind : Kind.values()) {
            int[] byReceipt = receipts[kind.ordinal()];
            line.append(' ').append(kind).append(' ').append(byReceipt[0]).append('/').append(byReceipt[1])
                    .append('/').append(byReceipt[2]).append(" ")
                    .append(nanos[kind.ordinal()] / 1000 / Math.max(1, count(kind))).append("µs");
        }
        return line.append("; ").append(session.stats()).toString();
    }
}
