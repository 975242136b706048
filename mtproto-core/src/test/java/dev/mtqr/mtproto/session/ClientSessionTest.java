package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UpdateLoginToken;
import dev.mtqr.tl.api.UpdateShort;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.FutureSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.RpcError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The session's wire behaviour, one packet at a time, against a scripted server. */
class ClientSessionTest {
    private final SessionFixture fixture = new SessionFixture();
    private final ScriptedServer server = fixture.server;
    private final ClientSession session = fixture.session;
    private static final NearestDc NEAREST = SessionFixture.NEAREST;

    @Test
    void completesACallFromItsRpcResult() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        assertEquals(0, request.msgId() % 4, "client msg_ids are divisible by 4");
        assertEquals(1, request.seqNo(), "the first content-related message has seqno 1");
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
        assertEquals(0, session.outstanding());
    }

    @Test
    void failsACallWithTheTypedErrorTheServerAnswered() {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), new RpcError(401,
                "SESSION_PASSWORD_NEEDED"))));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answer::get);
        assertInstanceOf(SessionPasswordNeededException.class, e.getCause());
    }

    @Test
    void putsSeveralCallsAndTheAcksInOneContainer() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage first = fixture.onlyMessage();
        session.receive(server.send(session, ScriptedServer.rpcResult(first.msgId(), NEAREST)));
        fixture.call(new HelpGetNearestDc());
        fixture.call(new HelpGetNearestDc());
        List<byte[]> packets = session.drain();
        assertEquals(1, packets.size());
        Envelope envelope = server.envelope(packets.get(0));
        assertEquals(Bodies.MSG_CONTAINER, Bodies.constructorId(envelope.body()));
        assertEquals(0, envelope.seqNo() % 2, "a container is not content-related");
        List<InnerMessage> inner = Bodies.unpackContainer(envelope.body());
        assertEquals(3, inner.size());
        assertEquals(MsgsAck.CONSTRUCTOR_ID, inner.get(0).constructorId(), "the answer is acknowledged");
        assertTrue(inner.stream().allMatch(i -> i.msgId() < envelope.msgId()), "the container's id is the largest");
        assertEquals(List.of(3, 5), inner.subList(1, 3).stream().map(InnerMessage::seqNo).toList());
    }

    @Test
    void gzipsLargeCallsAndInflatesPackedAnswers() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        byte[] result = Bodies.packRpcResult(request.msgId(), Bodies.packGzip(NEAREST.toByteArray()));
        session.receive(server.send(session, result));
        assertEquals(NEAREST, answer.get());
        fixture.call(new dev.mtqr.tl.api.AuthExportLoginToken(1, "x".repeat(2000), List.of()));
        InnerMessage big = fixture.calls(session.drain()).get(0);
        assertEquals(Bodies.GZIP_PACKED, big.constructorId());
        assertEquals(Bodies.constructorId(new dev.mtqr.tl.api.AuthExportLoginToken(1, "", List.of()).toByteArray()),
                Bodies.constructorId(Bodies.unpackGzip(big.body())));
    }

    @Test
    void takesTheNewSaltAndSendsAFirstCopyAgainUnderANewIdOnBadServerSalt() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        session.receive(server.send(session, new BadServerSalt(request.msgId(), request.seqNo(), 48, 999L).toByteArray()));
        assertEquals(999L, session.salt());
        List<byte[]> again = session.drain();
        InnerMessage resent = fixture.calls(again).get(0);
        assertNotEquals(request.msgId(), resent.msgId(), "the refused copy was the first: the server cannot have it");
        assertEquals(999L, server.envelope(again.get(again.size() - 1)).salt());
        session.receive(server.send(session, ScriptedServer.rpcResult(resent.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
    }

    @Test
    void correctsItsClockOnBadMsgNotification16AndKeepsTheSession() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        long before = session.sessionId();
        MessageIdClock ahead = MessageIdClock.server(Clock.offset(fixture.clock(), Duration.ofHours(1)), false);
        session.receive(server.send(session.sessionId(), session.salt(), ahead.next(),
                new BadMsgNotification(request.msgId(), request.seqNo(), 16).toByteArray()));
        assertEquals(3600, session.serverTimeOffset());
        InnerMessage resent = fixture.calls(session.drain()).get(0);
        assertEquals(fixture.clock().instant().getEpochSecond() + 3600, MessageIdClock.seconds(resent.msgId()));
        assertEquals(before, session.sessionId(), "a forward correction keeps the session");
    }

    @Test
    void startsANewSessionWhenTheServersClockWentBack() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        long before = session.sessionId();
        MessageIdClock behind = MessageIdClock.server(Clock.offset(fixture.clock(), Duration.ofSeconds(-60)), false);
        session.receive(server.send(session.sessionId(), session.salt(), behind.next(),
                new BadMsgNotification(request.msgId(), request.seqNo(), 17).toByteArray()));
        assertNotEquals(before, session.sessionId(), "ids must go back: only a new session allows it");
        assertEquals(1, session.stats().renewals());
        List<byte[]> again = session.drain();
        assertEquals(session.sessionId(), server.envelope(again.get(0)).sessionId());
        InnerMessage resent = fixture.calls(again).get(0);
        assertTrue(resent.msgId() < request.msgId(), "the new session's ids follow the server's clock");
        session.receive(server.send(session, ScriptedServer.rpcResult(resent.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
    }

    @Test
    void startsANewSessionOnBadMsgNotification32() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        long before = session.sessionId();
        session.receive(server.send(session, new BadMsgNotification(request.msgId(), request.seqNo(), 32).toByteArray()));
        assertNotEquals(before, session.sessionId());
        List<byte[]> again = session.drain();
        assertEquals(session.sessionId(), server.envelope(again.get(0)).sessionId());
    }

    @Test
    void switchesToTheFutureSaltValidNow() {
        long now = fixture.clock().instant().getEpochSecond();
        session.useFutureSalts(new FutureSalts(1, (int) now, List.of(
                new FutureSalt((int) now - 3600, (int) now - 10, 1L),
                new FutureSalt((int) now - 10, (int) now + 3600, 2L),
                new FutureSalt((int) now + 3600, (int) now + 7200, 3L))));
        assertEquals(2L, session.salt());
        fixture.call(new HelpGetNearestDc());
        assertEquals(2L, server.envelope(session.drain().get(0)).salt());
    }

    @Test
    void takesTheSaltOfNewSessionCreated() {
        session.receive(server.send(session, new NewSessionCreated(1, 2, 4242L).toByteArray()));
        assertEquals(4242L, session.salt());
    }

    @Test
    void passesUpdatesToTheListener() {
        UpdateShort update = new UpdateShort(new UpdateLoginToken(), 1_700_000_000);
        session.receive(server.send(session, update.toByteArray()));
        assertEquals(List.of(update), fixture.updates);
    }

    @Test
    void answersAStateRequest() {
        byte[] first = server.send(session, new UpdateShort(new UpdateLoginToken(), 1).toByteArray());
        session.receive(first);
        long known = server.msgIdOf(first);
        session.receive(server.send(session, new MsgsStateReq(List.of(known, 12345L)).toByteArray()));
        MsgsStateInfo info = fixture.sent(session.drain(), MsgsStateInfo.class).get(0);
        assertEquals(4, info.info()[0]);
        assertEquals(1, info.info()[1]);
    }

    @Test
    void dropsAndCountsWhatFailsTheChecksAndStaysAlive() throws Exception {
        UpdateShort update = new UpdateShort(new UpdateLoginToken(), 1);
        byte[] good = server.send(session, update.toByteArray());
        byte[] tampered = good.clone();
        tampered[40] ^= 1;
        assertEquals(ClientSession.Receipt.UNDECRYPTABLE, session.receive(tampered));
        assertEquals(1, session.stats().failedChecks());
        session.receive(good);
        session.receive(good);
        assertEquals(1, session.stats().duplicates(), "a replayed message is ignored");
        assertEquals(ClientSession.Receipt.IGNORED,
                session.receive(server.send(12345L, session.salt(), server.answers.next(), update.toByteArray())));
        assertEquals(1, session.stats().wrongSession());
        MessageIdClock old = MessageIdClock.server(Clock.offset(fixture.clock(), Duration.ofMinutes(-10)), false);
        session.receive(server.send(session.sessionId(), session.salt(), old.next(), update.toByteArray()));
        assertEquals(1, session.stats().outsideWindow());
        session.receive(server.send(session.sessionId(), session.salt(), server.answers.next() & ~3L, update.toByteArray()));
        assertEquals(1, session.stats().badMsgIds());
        assertEquals(1, fixture.updates.size(), "only the good message reached the listener");

        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.calls(session.drain()).get(0);
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
    }

    @Test
    void answersPingsThroughTheMethod() throws Exception {
        CompletableFuture<Object> pong = fixture.call(new Ping(5));
        InnerMessage request = fixture.onlyMessage();
        session.receive(server.send(session, new Pong(request.msgId(), 5).toByteArray()));
        assertEquals(new Pong(request.msgId(), 5), pong.get());
    }

    @Test
    void ignoresAnAnswerThatComesTwice() throws Exception {
        List<Object> outcomes = new java.util.ArrayList<>();
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        answer.whenComplete((v, e) -> outcomes.add(v));
        InnerMessage request = fixture.onlyMessage();
        byte[] result = ScriptedServer.rpcResult(request.msgId(), NEAREST);
        session.receive(server.send(session, result));
        session.receive(server.send(session, result));
        assertEquals(List.of(NEAREST), outcomes);
        assertEquals(1, session.stats().duplicates());
    }

    @Test
    void dropsGzipInsideGzipWithoutGoingDeeper() {
        byte[] body = new UpdateShort(new UpdateLoginToken(), 1).toByteArray();
        for (int level = 0; level < 3; level++) {
            body = Bodies.packGzip(body);
        }
        assertEquals(ClientSession.Receipt.ACCEPTED, session.receive(server.send(session, body)));
        assertEquals(1, session.stats().undecodable());
        assertTrue(fixture.updates.isEmpty());
    }

    @Test
    void neverThrowsForATruncatedBadMsgNotificationOutsideTheWindow() {
        MessageIdClock old = MessageIdClock.server(Clock.offset(fixture.clock(), Duration.ofMinutes(-10)), false);
        byte[] truncated = java.util.Arrays.copyOf(new BadMsgNotification(1, 1, 16).toByteArray(), 12);
        assertEquals(ClientSession.Receipt.ACCEPTED,
                session.receive(server.send(session.sessionId(), session.salt(), old.next(), truncated)));
        assertEquals(1, session.stats().undecodable());
    }

    @Test
    void refusesAContainerInsideAContainer() {
        InnerMessage update = new InnerMessage(server.answers.next(), 1,
                new UpdateShort(new UpdateLoginToken(), 1).toByteArray());
        byte[] inner = Bodies.packContainer(List.of(update));
        byte[] outer = Bodies.packContainer(List.of(new InnerMessage(server.answers.next(), 0, inner)));
        session.receive(server.send(session, outer));
        assertEquals(1, session.stats().undecodable());
        assertTrue(fixture.updates.isEmpty());
    }

    @Test
    void keepsTakingMessagesAfterOneDatedAheadIsForgotten() throws Exception {
        byte[] ack = new MsgsAck(List.of()).toByteArray();
        session.receive(server.send(session.sessionId(), session.salt(), server.own.next() + (29L << 32), ack));
        for (int i = 0; i < 4096; i++) {
            session.receive(server.send(session, ack));
        }
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.calls(session.drain()).get(0);
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get(), "the replay check forgets its lowest ids, not the first to arrive");
        UpdateShort update = new UpdateShort(new UpdateLoginToken(), 1);
        session.receive(server.send(session, update.toByteArray()));
        assertEquals(List.of(update), fixture.updates);
    }

    @Test
    void takesTheAnswerToAnOpenCallEvenBelowWhatTheReplayCheckForgot() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        long early = server.answers.next();
        byte[] ack = new MsgsAck(List.of()).toByteArray();
        for (int i = 0; i < 4097; i++) {
            session.receive(server.send(session, ack));
        }
        session.receive(server.send(session.sessionId(), session.salt(), early,
                ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get(), "a server whose clock went back still answers");
    }

    @Test
    void aVirtualClockDrivesTheIds() {
        VirtualScheduler time = fixture.time;
        fixture.call(new HelpGetNearestDc());
        long first = fixture.onlyMessage().msgId();
        time.advance(Duration.ofSeconds(5));
        fixture.call(new HelpGetNearestDc());
        long second = fixture.calls(session.drain()).get(0).msgId();
        assertEquals(5, MessageIdClock.seconds(second) - MessageIdClock.seconds(first));
        assertEquals(Instant.ofEpochSecond(1_700_000_005L), time.clock().instant());
        assertFalse(session.hasOutgoing());
    }
}
