package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.DcOption;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.mtproto.ReqDHParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyExchangeTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);

    @Test
    void registersTheNewKeyAndAnswersGetConfigWithTheClustersDcs() {
        CoreClient client = CoreClient.withKey(cluster.dc(2), clock);
        assertTrue(cluster.dc(2).keys().find(client.key.id()).isPresent());
        assertFalse(cluster.dc(1).keys().find(client.key.id()).isPresent(), "keys belong to one DC");

        long request = client.send(new HelpGetConfig());
        Config config = (Config) client.result(client.receive(), request);

        assertEquals(2, config.thisDc());
        assertEquals(List.of(1, 2), config.dcOptions().stream().map(o -> ((DcOption) o).id()).toList());
        DcOption second = (DcOption) config.dcOptions().get(1);
        assertEquals("127.0.0.1", second.ipAddress());
        assertEquals(CoreClusters.BASE_PORT + 2, second.port());
        assertEquals(clock.millis() / 1000, config.date());
        assertTrue(config.expires() > config.date());
    }

    @Test
    void acceptsTheLegacyInnerDataOfOlderClients() {
        CoreClient client = new CoreClient(cluster.dc(1), clock);
        HandshakeResult result = client.handshake(new ClientOptions(List.of(TestKeys.RSA.publicKey()), 1,
                ClientOptions.InnerData.LEGACY, 0), clock);
        assertTrue(cluster.dc(1).keys().find(result.authKey().id()).isPresent());
    }

    @Test
    void remembersThatAKeyIsTemporary() {
        CoreClient client = new CoreClient(cluster.dc(1), clock);
        HandshakeResult result = client.handshake(new ClientOptions(List.of(TestKeys.RSA.publicKey()), 1,
                ClientOptions.InnerData.WITH_DC, 3600), clock);
        assertTrue(cluster.dc(1).keys().find(result.authKey().id()).orElseThrow().temporary());
    }

    @Test
    void closesTheConnectionOnARequestOutOfOrder() {
        CoreClient client = new CoreClient(cluster.dc(1), clock);
        byte[] zero16 = new byte[16];
        ReqDHParams early = new ReqDHParams(Int128.of(zero16), Int128.of(zero16), new byte[4], new byte[4], 1L,
                new byte[256]);
        client.connection.onPacket(new PlainMessage(client.ids.next(), early.toByteArray()).encode());
        assertTrue(client.output.closed);
        assertTrue(client.output.packets.isEmpty());
        assertEquals(0, cluster.dc(1).connectionCount());
    }
}
