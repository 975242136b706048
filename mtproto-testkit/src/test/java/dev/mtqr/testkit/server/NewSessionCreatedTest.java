package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.mtproto.DestroySession;
import dev.mtqr.tl.mtproto.DestroySessionNone;
import dev.mtqr.tl.mtproto.DestroySessionOk;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewSessionCreatedTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    @Test
    void announcesASessionOnItsFirstMessageWithTheCurrentSalt() {
        long first = client.send(new Ping(1));
        List<CoreClient.Received> received = client.receive();
        NewSessionCreated created = CoreClient.only(received, NewSessionCreated.class);
        assertEquals(first, created.firstMsgId());
        assertEquals(cluster.dc(1).salts().current(), created.serverSalt());
        CoreClient.Received message = received.stream().filter(r -> r.object() instanceof NewSessionCreated)
                .findFirst().orElseThrow();
        assertEquals(1, message.seqNo() & 1, "new_session_created is content-related");
        assertEquals(3, message.msgId() & 3, "a message of the server's own");

        client.send(new Ping(2));
        assertFalse(CoreClient.any(client.receive(), NewSessionCreated.class));
    }

    @Test
    void namesTheLowestMsgIdOfAFirstContainer() {
        long inner = client.ids.next();
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(inner, 1, new Ping(1).toByteArray())));
        client.send(client.ids.next(), 2, container);
        assertEquals(inner, CoreClient.only(client.receive(), NewSessionCreated.class).firstMsgId());
    }

    @Test
    void reportsFirstMsgIdAsTheFirstMessageOrTheContainer() {
        FirstPacket firstMessage = firstPacket(FirstMsgId.FIRST_MESSAGE);
        assertEquals(firstMessage.firstInside(), firstMessage.reported());
        FirstPacket container = firstPacket(FirstMsgId.CONTAINER);
        assertEquals(container.containerId(), container.reported());
    }

    @Test
    void reportsALoneFirstMessageItselfUnderEitherConvention() {
        for (FirstMsgId convention : FirstMsgId.values()) {
            ServerCluster fresh = CoreClusters.create(1, clock, ServerSettings.defaults().withFirstMsgId(convention));
            CoreClient newcomer = CoreClient.withKey(fresh.dc(1), clock);
            long first = newcomer.send(new Ping(1));
            assertEquals(first, CoreClient.only(newcomer.receive(), NewSessionCreated.class).firstMsgId(),
                    convention.name());
        }
    }

    /** The ids of a container of two pings that opened a session, and the first_msg_id the DC reported. */
    private record FirstPacket(long firstInside, long containerId, long reported) {
    }

    private FirstPacket firstPacket(FirstMsgId convention) {
        ServerCluster fresh = CoreClusters.create(1, clock, ServerSettings.defaults().withFirstMsgId(convention));
        CoreClient newcomer = CoreClient.withKey(fresh.dc(1), clock);
        InnerMessage first = newcomer.message(new Ping(1));
        InnerMessage second = newcomer.message(new Ping(2));
        long containerId = newcomer.sendContainer(List.of(first, second));
        long reported = CoreClient.only(newcomer.receive(), NewSessionCreated.class).firstMsgId();
        return new FirstPacket(first.msgId(), containerId, reported);
    }

    @Test
    void announcesEachNewSessionIdOfTheSameKey() {
        client.send(new Ping(1));
        client.receive();
        client.sessionId++;
        client.seqNos.reset();
        client.send(new Ping(2));
        CoreClient.only(client.receive(), NewSessionCreated.class);
    }

    @Test
    void destroySessionForgetsAnotherSessionOfTheKey() {
        long other = client.sessionId;
        client.send(new Ping(1));
        client.receive();
        client.sessionId = other + 1;
        client.seqNos.reset();
        client.send(new DestroySession(other));
        assertEquals(other, CoreClient.only(client.receive(), DestroySessionOk.class).sessionId());
        client.send(new DestroySession(other));
        assertEquals(other, CoreClient.only(client.receive(), DestroySessionNone.class).sessionId());

        client.sessionId = other;
        client.seqNos.reset();
        client.send(new Ping(3));
        CoreClient.only(client.receive(), NewSessionCreated.class);
    }
}
