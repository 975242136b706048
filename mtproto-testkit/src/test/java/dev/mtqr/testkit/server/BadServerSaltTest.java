package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.Pong;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadServerSaltTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(1, clock,
            ServerSettings.defaults().withSalts(Duration.ofHours(1), Duration.ofMinutes(30)));
    private final ServerDc dc = cluster.dc(1);
    private final CoreClient client = CoreClient.withKey(dc, clock);

    private List<CoreClient.Received> ping() {
        client.send(new Ping(1));
        return client.receive();
    }

    @Test
    void answersSaltZeroWithTheCurrentSaltAndHandlesNothing() {
        client.salt = 0;
        long msgId = client.send(new Ping(1));
        List<CoreClient.Received> received = client.receive();
        BadServerSalt bad = CoreClient.only(received, BadServerSalt.class);
        assertEquals(msgId, bad.badMsgId());
        assertEquals(1, bad.badMsgSeqno());
        assertEquals(BadMsgCodes.BAD_SERVER_SALT, bad.errorCode());
        assertEquals(dc.salts().current(), bad.newServerSalt());
        assertFalse(CoreClient.any(received, Pong.class));
        assertFalse(CoreClient.any(received, NewSessionCreated.class), "no session starts on a refused message");

        client.salt = bad.newServerSalt();
        assertTrue(CoreClient.any(ping(), Pong.class));
    }

    @Test
    void acceptsTheSaltOfTheKeyExchangeForAWhile() {
        assertTrue(CoreClient.any(ping(), Pong.class));
        clock.advance(Duration.ofMinutes(31));
        assertTrue(CoreClient.any(ping(), BadServerSalt.class));
    }

    @Test
    void keepsThePreviousSaltValidForTheGracePeriodAfterARotation() {
        client.salt = dc.salts().current();
        dc.salts().rotateNow();
        assertTrue(CoreClient.any(ping(), Pong.class), "the previous salt within its grace");
        clock.advance(Duration.ofMinutes(30));
        BadServerSalt bad = CoreClient.only(ping(), BadServerSalt.class);
        assertEquals(dc.salts().current(), bad.newServerSalt());
    }

    @Test
    void rotatesByItselfEveryPeriod() {
        long first = dc.salts().current();
        clock.advance(Duration.ofMinutes(61));
        long second = dc.salts().current();
        assertTrue(first != second);
        assertTrue(dc.salts().accepts(first));
        clock.advance(Duration.ofMinutes(30));
        assertFalse(dc.salts().accepts(first));
    }

    @Test
    void serverMessagesCarryTheCurrentSalt() {
        client.salt = dc.salts().current();
        dc.salts().rotateNow();
        client.send(new Ping(1));
        byte[] packet = client.output.packets.get(client.output.packets.size() - 1);
        var envelope = dev.mtqr.mtproto.session.Envelope.decrypt(client.key, packet,
                dev.mtqr.mtproto.crypto.MessageCrypto.SERVER);
        assertEquals(dc.salts().current(), envelope.salt());
    }
}
