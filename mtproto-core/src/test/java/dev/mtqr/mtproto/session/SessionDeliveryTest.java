package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Delivery as core.telegram.org/mtproto/service_messages_about_messages has it: a call goes out under a new msg_id
 * only when the server cannot have it; otherwise the same id again, or its state asked, or a typed "outcome unknown".
 */
class SessionDeliveryTest {
    private final SessionFixture fixture = new SessionFixture();
    private final ScriptedServer server = fixture.server;
    private final ClientSession session = fixture.session;

    private OutboundCall init() {
        return SessionFixture.callOf(new HelpGetConfig(), new CompletableFuture<>());
    }

    @Test
    void sendsAnUnansweredCallAgainUnderItsOriginalIdOnANewConnection() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage first = fixture.onlyMessage();
        session.connectionOpened(init());
        List<InnerMessage> again = fixture.calls(session.drain());
        assertEquals(2, again.size(), "initConnection, then the copy");
        assertEquals(first.msgId(), again.get(1).msgId(), "the same msg_id");
        assertEquals(first.seqNo(), again.get(1).seqNo(), "the same seqno");
        assertEquals(1, session.stats().resentCopies());
        session.receive(server.send(session, ScriptedServer.rpcResult(first.msgId(), SessionFixture.NEAREST)));
        assertEquals(SessionFixture.NEAREST, answer.get());
    }

    @Test
    void doesNotSendAgainACallTheServerAcknowledged() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage first = fixture.onlyMessage();
        session.receive(server.send(session, new MsgsAck(List.of(first.msgId())).toByteArray()));
        session.connectionOpened(init());
        assertEquals(1, fixture.calls(session.drain()).size(), "initConnection only: the server has the call");
    }

    @Test
    void asksTheStateOfACallWhoseIdGrewTooOldAndSendsItUnderANewIdIfNotReceived() throws Exception {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        InnerMessage first = fixture.onlyMessage();
        fixture.time.advance(Duration.ofMinutes(5));
        session.connectionOpened(init());
        List<byte[]> packets = session.drain();
        assertEquals(1, fixture.calls(packets).size(), "no copy of an id the server would refuse");
        MsgsStateReq asked = fixture.sent(packets, MsgsStateReq.class).get(0);
        assertEquals(List.of(first.msgId()), asked.msgIds());
        long askId = server.open(packets.get(0)).stream()
                .filter(m -> m.constructorId() == MsgsStateReq.CONSTRUCTOR_ID).findFirst().orElseThrow().msgId();
        session.receive(server.send(session, new MsgsStateInfo(askId, new byte[] {2}).toByteArray()));
        InnerMessage fresh = fixture.calls(session.drain()).get(0);
        assertNotEquals(first.msgId(), fresh.msgId(), "not received: a new msg_id is safe");
        session.receive(server.send(session, ScriptedServer.rpcResult(fresh.msgId(), SessionFixture.NEAREST)));
        assertEquals(SessionFixture.NEAREST, answer.get());
    }

    @Test
    void failsWithOutcomeUnknownWhenTheServerNoLongerKnowsTheCall() {
        CompletableFuture<Object> answer = fixture.call(new HelpGetNearestDc());
        fixture.onlyMessage();
        fixture.time.advance(Duration.ofMinutes(5));
        session.connectionOpened(init());
        List<byte[]> packets = session.drain();
        long askId = server.open(packets.get(0)).stream()
                .filter(m -> m.constructorId() == MsgsStateReq.CONSTRUCTOR_ID).findFirst().orElseThrow().msgId();
        session.receive(server.send(session, new MsgsStateInfo(askId, new byte[] {1}).toByteArray()));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answer::get);
        OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, e.getCause());
        assertEquals("help.getNearestDc", unknown.method());
    }

    @Test
    void asksTheStateWhenACopyIsRefusedRatherThanSendingItUnderANewId() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage first = fixture.onlyMessage();
        session.connectionOpened(init());
        List<byte[]> packets = session.drain();
        long container = server.envelope(packets.get(0)).msgId();
        session.receive(server.send(session, new BadMsgNotification(container, 0, 20).toByteArray()));
        List<byte[]> next = session.drain();
        assertEquals(List.of(first.msgId()), fixture.sent(next, MsgsStateReq.class).get(0).msgIds(),
                "an earlier copy may have arrived: ask");
        assertTrue(fixture.calls(next).stream().noneMatch(m -> m.constructorId() == first.constructorId()
                && m.msgId() != first.msgId()), "never a new id for a call the server may have");
    }

    @ParameterizedTest(name = "first_msg_id names the {0}")
    @ValueSource(strings = {"first message", "container"})
    void newSessionCreatedSendsAgainOnlyWhatWentOutBeforeThePacketThatMadeIt(String convention) {
        fixture.call(new HelpGetNearestDc());
        InnerMessage lost = fixture.onlyMessage();
        fixture.call(new HelpGetNearestDc());
        fixture.call(new HelpGetConfig());
        byte[] packet = session.drain().get(0);
        long containerId = server.envelope(packet).msgId();
        long firstInside = server.open(packet).get(0).msgId();
        long firstMsgId = convention.equals("container") ? containerId : firstInside;
        session.receive(server.send(session, new NewSessionCreated(firstMsgId, 1, 5L).toByteArray()));
        List<InnerMessage> again = fixture.calls(session.drain());
        assertEquals(1, again.size(), "only the call sent before the session existed");
        assertEquals(lost.constructorId(), again.get(0).constructorId());
        assertNotEquals(lost.msgId(), again.get(0).msgId());
    }

    @Test
    void takesAnswersInTheReplacedSessionThenFailsWhatNeverCame() throws Exception {
        CompletableFuture<Object> early = fixture.call(new HelpGetNearestDc());
        InnerMessage earlyRequest = fixture.onlyMessage();
        CompletableFuture<Object> lost = fixture.call(new HelpGetConfig());
        fixture.onlyMessage();
        CompletableFuture<Object> refused = fixture.call(new HelpGetNearestDc());
        InnerMessage refusedRequest = fixture.onlyMessage();
        long oldSession = session.sessionId();
        MessageIdClock behind = MessageIdClock.server(Clock.offset(fixture.clock(), Duration.ofSeconds(-60)), false);
        session.receive(server.send(oldSession, session.salt(), behind.next(),
                new BadMsgNotification(refusedRequest.msgId(), refusedRequest.seqNo(), 17).toByteArray()));
        assertEquals(1, fixture.renewals);
        assertTrue(session.hasRetiring());
        session.receive(server.send(oldSession, session.salt(), behind.next() | 1,
                ScriptedServer.rpcResult(earlyRequest.msgId(), SessionFixture.NEAREST)));
        assertEquals(SessionFixture.NEAREST, early.get(), "an answer in the old session still counts");
        InnerMessage again = fixture.calls(session.drain()).get(0);
        session.receive(server.send(session, ScriptedServer.rpcResult(again.msgId(), SessionFixture.NEAREST)));
        assertEquals(SessionFixture.NEAREST, refused.get(), "the refused call went out again in the new session");
        session.expireRetiring();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, lost::get);
        assertInstanceOf(OutcomeUnknownException.class, e.getCause());
        assertFalse(session.hasRetiring());
    }

    @Test
    void fetchesAnAnswerTheServerOnlyDescribes() {
        fixture.call(new HelpGetNearestDc());
        InnerMessage request = fixture.onlyMessage();
        long answerId = server.answers.next();
        session.receive(server.send(session, new MsgDetailedInfo(request.msgId(), answerId, 100, 0).toByteArray()));
        assertEquals(List.of(answerId), fixture.sent(session.drain(), MsgResendReq.class).get(0).msgIds());
        session.connectionOpened(init());
        assertEquals(1, fixture.calls(session.drain()).size(), "the server has the call: no copy");
    }

    @Test
    void abandoningCarriesCallsNeverSentAndFailsThoseSent() {
        CompletableFuture<Object> sent = fixture.call(new HelpGetNearestDc());
        fixture.onlyMessage();
        CompletableFuture<Object> queued = fixture.call(new HelpGetNearestDc());
        List<OutboundCall> carried = session.abandon(new IllegalStateException("-404"));
        assertEquals(1, carried.size());
        assertFalse(queued.isDone());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, sent::get);
        assertInstanceOf(OutcomeUnknownException.class, e.getCause());
    }
}
