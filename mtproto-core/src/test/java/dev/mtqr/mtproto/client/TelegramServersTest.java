package dev.mtqr.mtproto.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramServersTest {
    @Test
    void productionHasTheFiveBootstrapAddressesAndTheProductionKey() {
        TelegramServers servers = TelegramServers.production();
        assertFalse(servers.testNetwork());
        assertEquals(List.of(
                new DcAddress(2, "149.154.167.51", 443),
                new DcAddress(1, "149.154.175.50", 443),
                new DcAddress(3, "149.154.175.100", 443),
                new DcAddress(4, "149.154.167.91", 443),
                new DcAddress(5, "149.154.171.5", 443)), servers.dcs());
        assertEquals(1, servers.keys().size());
        assertEquals(0xd09d1d85de64fd85L, servers.keys().get(0).fingerprint());
        assertEquals(2048, servers.keys().get(0).n().bitLength());
        assertEquals(BigInteger.valueOf(65537), servers.keys().get(0).e());
    }

    @Test
    void theTestNetworkHasItsThreeDcsAndTheTestKey() {
        TelegramServers servers = TelegramServers.test();
        assertTrue(servers.testNetwork());
        assertEquals(List.of(
                new DcAddress(2, "149.154.167.40", 443),
                new DcAddress(1, "149.154.175.10", 443),
                new DcAddress(3, "149.154.175.117", 443)), servers.dcs());
        assertEquals(0xb25898df208d2603L, servers.keys().get(0).fingerprint());
    }

    @Test
    void configuringABuilderMakesDcTwoTheMainDc() {
        try (MtprotoClient client = TelegramServers.production().configure(MtprotoClient.builder()).build()) {
            assertEquals(2, client.mainDc());
            assertEquals(5, client.dcs().size());
        }
    }

    @Test
    void serversNeedADcAndAKey() {
        RsaPublicKey key = TelegramServers.test().keys().get(0);
        assertThrows(IllegalArgumentException.class, () -> new TelegramServers(List.of(), List.of(key), false));
        assertThrows(IllegalArgumentException.class,
                () -> new TelegramServers(List.of(new DcAddress(1, "h", 1)), List.of(), false));
    }
}
