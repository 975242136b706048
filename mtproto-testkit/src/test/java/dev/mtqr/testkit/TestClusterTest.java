package dev.mtqr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.netty.NettyLeakCheck;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.tl.api.Config;
import dev.mtqr.tl.api.DcOption;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(NettyLeakCheck.class)
class TestClusterTest {
    @Test
    void eachDcListensOnItsOwnPortOf127001() {
        try (TestCluster cluster = SharedCluster.start(3)) {
            assertEquals(3, cluster.dcs().size());
            for (TestDc dc : cluster.dcs()) {
                assertEquals("127.0.0.1", dc.host());
                assertTrue(dc.port() > 0);
                assertEquals(dc.address(), cluster.address(dc.id()));
            }
            assertEquals(3, cluster.dcs().stream().map(TestDc::port).distinct().count());
        }
    }

    @Test
    void publishesItsKeyAsPkcs1Pem() {
        try (TestCluster cluster = SharedCluster.start(1)) {
            assertTrue(cluster.publicKeyPem().startsWith("-----BEGIN RSA PUBLIC KEY-----"));
            assertEquals(List.of(cluster.publicKey()), RsaPublicKey.parsePem(cluster.publicKeyPem()));
        }
    }

    @Test
    void generatesAKeyPerClusterUnlessGivenOne() {
        try (TestCluster first = TestCluster.builder().start(); TestCluster second = TestCluster.builder().start()) {
            assertNotEquals(first.publicKey(), second.publicKey());
        }
    }

    @Test
    void aBasePortGivesDcNThePortPlusNMinusOne() throws IOException {
        // Another process may take base + 1 between the probe and the bind: try a few bases.
        for (int attempt = 0; ; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0); ServerSocket next = new ServerSocket(probe.getLocalPort() + 1)) {
                base = probe.getLocalPort();
            } catch (IOException busy) {
                continue;
            }
            try (TestCluster cluster = TestCluster.builder().dcs(2).rsaKey(dev.mtqr.testkit.server.TestKeys.RSA)
                    .basePort(base).start()) {
                assertEquals(base, cluster.dc(1).port());
                assertEquals(base + 1, cluster.dc(2).port());
                return;
            } catch (java.io.UncheckedIOException raced) {
                if (attempt >= 5) {
                    throw raced;
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"ABRIDGED,false", "INTERMEDIATE,false", "PADDED_INTERMEDIATE,false", "FULL,false",
            "ABRIDGED,true", "INTERMEDIATE,true", "PADDED_INTERMEDIATE,true"})
    void makesAKeyAndAnswersGetConfigOverEveryTransport(TransportKind kind, boolean obfuscated) {
        try (TestCluster cluster = SharedCluster.start(2);
                TcpClient client = new TcpClient(cluster.address(2), kind, obfuscated, 2, Clock.systemUTC())) {
            client.handshake(cluster.publicKey(), 2);
            long request = client.send(new HelpGetConfig());
            Config config = (Config) client.result(request, dev.mtqr.tl.api.SchemaRegistry.INSTANCE);
            assertEquals(2, config.thisDc());
            List<Integer> ports = config.dcOptions().stream().map(o -> ((DcOption) o).port()).toList();
            assertEquals(List.of(cluster.dc(1).port(), cluster.dc(2).port()), ports);
            assertTrue(cluster.dc(2).keys().find(client.key.id()).isPresent());
        }
    }

    @Test
    void handlersRegisteredWhileRunningAreServed() {
        try (TestCluster cluster = SharedCluster.start(1);
                TcpClient client = TcpClient.connect(cluster.dc(1)).handshake(cluster.publicKey(), 1)) {
            cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> new NearestDc("NL", 1, 1));
            long request = client.send(new HelpGetNearestDc());
            NearestDc nearest = (NearestDc) client.result(request, dev.mtqr.tl.api.SchemaRegistry.INSTANCE);
            assertEquals("NL", nearest.country());
        }
    }

    @Test
    void closeStopsTheServers() {
        TestCluster cluster = SharedCluster.start(1);
        TcpClient client = TcpClient.connect(cluster.dc(1));
        int port = cluster.dc(1).port();
        cluster.close();
        assertEquals(TcpClient.CLOSED, client.next(java.time.Duration.ofSeconds(5)));
        client.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void aDcIsNotThereBeforeStart() {
        TestCluster cluster = TestCluster.builder().rsaKey(dev.mtqr.testkit.server.TestKeys.RSA).build();
        assertThrows(IllegalArgumentException.class, () -> cluster.dc(1));
        cluster.close();
    }

    @Test
    void answersALayer144ClientOverTcp() {
        try (TestCluster cluster = SharedCluster.start(1);
                TcpClient client = TcpClient.connect(cluster.dc(1)).handshake(cluster.publicKey(), 1)) {
            long request = client.send(new dev.mtqr.tl.api.InvokeWithLayer<>(144, new HelpGetConfig()));
            assertInstanceOf(dev.mtqr.tl.compat.layer144.Config.class,
                    client.result(request, dev.mtqr.tl.compat.layer144.SchemaRegistry.INSTANCE));
        }
    }
}
