package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.rpc.SessionPasswordNeededException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.SchemaRegistry;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ClientSessionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private final ScriptedServer server = new ScriptedServer(1, CLOCK);
    private final List<TlObject> updates = new ArrayList<>();
    private final ClientSession session = new ClientSession(server.key, 777L, 0, new Random(2)::nextBytes, CLOCK,
            SchemaRegistry.INSTANCE, updates::add);

    private static final NearestDc NEAREST = new NearestDc("XX", 2, 2);

    private InnerMessage onlyMessage() {
        List<byte[]> packets = session.drain();
        assertEquals(1, packets.size());
        List<InnerMessage> messages = server.open(packets.get(0));
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    @Test
    void completesACallFromItsRpcResult() throws Exception {
        CompletableFuture<dev.mtqr.tl.api.NearestDcType> answer = session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        assertEquals(0, request.msgId() % 4, "client msg_ids are divisible by 4");
        assertEquals(1, request.seqNo(), "the first content-related message has seqno 1");
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
        assertEquals(0, session.outstanding());
    }

    @Test
    void failsACallWithTheTypedErrorTheServerAnswered() {
        CompletableFuture<?> answer = session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), new RpcError(401,
                "SESSION_PASSWORD_NEEDED"))));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answer::get);
        assertInstanceOf(SessionPasswordNeededException.class, e.getCause());
    }

    @Test
    void putsSeveralCallsAndTheAcksInOneContainer() {
        session.call(new HelpGetNearestDc());
        InnerMessage first = onlyMessage();
        session.receive(server.send(session, ScriptedServer.rpcResult(first.msgId(), NEAREST)));
        session.call(new HelpGetNearestDc());
        session.call(new HelpGetNearestDc());
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
        CompletableFuture<?> answer = session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        byte[] result = Bodies.packRpcResult(request.msgId(), Bodies.packGzip(NEAREST.toByteArray()));
        session.receive(server.send(session, result));
        assertEquals(NEAREST, answer.get());
        session.call(new dev.mtqr.tl.api.AuthExportLoginToken(1, "x".repeat(2000), List.of()));
        InnerMessage big = server.open(session.drain().get(0)).stream()
                .filter(m -> m.constructorId() != MsgsAck.CONSTRUCTOR_ID).findFirst().orElseThrow();
        assertEquals(Bodies.GZIP_PACKED, big.constructorId());
        assertEquals(Bodies.constructorId(new dev.mtqr.tl.api.AuthExportLoginToken(1, "", List.of()).toByteArray()),
                Bodies.constructorId(Bodies.unpackGzip(big.body())));
    }

    @Test
    void takesTheNewSaltAndSendsAgainOnBadServerSalt() throws Exception {
        CompletableFuture<?> answer = session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        session.receive(server.send(session, new BadServerSalt(request.msgId(), request.seqNo(), 48, 999L).toByteArray()));
        assertEquals(999L, session.salt());
        List<byte[]> again = session.drain();
        InnerMessage resent = server.open(again.get(again.size() - 1)).stream()
                .filter(m -> m.constructorId() != MsgsAck.CONSTRUCTOR_ID).findFirst().orElseThrow();
        assertNotEquals(request.msgId(), resent.msgId());
        assertEquals(999L, server.envelope(again.get(again.size() - 1)).salt());
        session.receive(server.send(session, ScriptedServer.rpcResult(resent.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
    }

    @Test
    void correctsItsClockOnBadMsgNotification16() {
        session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        MessageIdClock ahead = MessageIdClock.server(Clock.offset(CLOCK, Duration.ofHours(1)), false);
        session.receive(server.send(session.sessionId(), session.salt(), ahead.next(),
                new BadMsgNotification(request.msgId(), request.seqNo(), 16).toByteArray()));
        assertEquals(3600, session.serverTimeOffset());
        InnerMessage resent = server.open(session.drain().get(0)).stream()
                .filter(m -> m.constructorId() != MsgsAck.CONSTRUCTOR_ID).findFirst().orElseThrow();
        assertEquals(CLOCK.instant().getEpochSecond() + 3600, MessageIdClock.seconds(resent.msgId()));
    }

    @Test
    void startsANewSessionOnBadMsgNotification32() {
        session.call(new HelpGetNearestDc());
        InnerMessage request = onlyMessage();
        long before = session.sessionId();
        session.receive(server.send(session, new BadMsgNotification(request.msgId(), request.seqNo(), 32).toByteArray()));
        assertNotEquals(before, session.sessionId());
        List<byte[]> again = session.drain();
        assertEquals(session.sessionId(), server.envelope(again.get(0)).sessionId());
    }

    @Test
    void switchesToTheFutureSaltValidNow() {
        long now = CLOCK.instant().getEpochSecond();
        session.useFutureSalts(new FutureSalts(1, (int) now, List.of(
                new FutureSalt((int) now - 3600, (int) now - 10, 1L),
                new FutureSalt((int) now - 10, (int) now + 3600, 2L),
                new FutureSalt((int) now + 3600, (int) now + 7200, 3L))));
        assertEquals(2L, session.salt());
        session.call(new HelpGetNearestDc());
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
        assertEquals(List.of(update), updates);
    }

    @Test
    void answersAStateRequest() {
        byte[] first = server.send(session, new UpdateShort(new UpdateLoginToken(), 1).toByteArray());
        session.receive(first);
        long known = server.msgIdOf(first);
        session.receive(server.send(session, new MsgsStateReq(List.of(known, 12345L)).toByteArray()));
        List<InnerMessage> sent = server.open(session.drain().get(0));
        MsgsStateInfo info = sent.stream().filter(m -> m.constructorId() == MsgsStateInfo.CONSTRUCTOR_ID)
                .map(m -> (MsgsStateInfo) dev.mtqr.tl.TlReader.of(m.body(), dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE)
                        .readObject()).findFirst().orElseThrow();
        assertEquals(4, info.info()[0]);
        assertEquals(1, info.info()[1]);
    }

    @Test
    void dropsAndCountsWhatFailsTheChecksAndStaysAlive() throws Exception {
        UpdateShort update = new UpdateShort(new UpdateLoginToken(), 1);
        byte[] good = server.send(session, update.toByteArray());
        byte[] tampered = good.clone();
        tampered[40] ^= 1;
        session.receive(tampered);
        assertEquals(1, session.stats().failedChecks());
        session.receive(good);
        session.receive(good);
        assertEquals(1, session.stats().duplicates(), "a replayed message is ignored");
        session.receive(server.send(12345L, session.salt(), server.answers.next(), update.toByteArray()));
        assertEquals(1, session.stats().wrongSession());
        MessageIdClock old = MessageIdClock.server(Clock.offset(CLOCK, Duration.ofMinutes(-10)), false);
        session.receive(server.send(session.sessionId(), session.salt(), old.next(), update.toByteArray()));
        assertEquals(1, session.stats().outsideWindow());
        session.receive(server.send(session.sessionId(), session.salt(), server.answers.next() & ~3L, update.toByteArray()));
        assertEquals(1, session.stats().badMsgIds());
        assertEquals(1, updates.size(), "only the good message reached the listener");

        CompletableFuture<?> answer = session.call(new HelpGetNearestDc());
        InnerMessage request = server.open(session.drain().get(0)).stream()
                .filter(m -> m.constructorId() != MsgsAck.CONSTRUCTOR_ID).findFirst().orElseThrow();
        session.receive(server.send(session, ScriptedServer.rpcResult(request.msgId(), NEAREST)));
        assertEquals(NEAREST, answer.get());
    }

    @Test
    void answersPingsThroughTheMethod() throws Exception {
        CompletableFuture<dev.mtqr.tl.mtproto.PongType> pong = session.call(new Ping(5));
        InnerMessage request = onlyMessage();
        session.receive(server.send(session, new Pong(request.msgId(), 5).toByteArray()));
        assertEquals(new Pong(request.msgId(), 5), pong.get());
    }

    @Test
    void sendsUnansweredCallsAgainAfterAReconnect() {
        session.call(new HelpGetNearestDc());
        InnerMessage first = onlyMessage();
        session.resendUnanswered();
        InnerMessage again = onlyMessage();
        assertNotEquals(first.msgId(), again.msgId());
        assertFalse(session.hasOutgoing());
        assertEquals(1, session.outstanding());
    }
}
