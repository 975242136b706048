package dev.mtqr.testkit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.layer.LayerConverter;
import dev.mtqr.testkit.server.TestKeys;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.AuthAuthorization;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a test sets up accounts and the token TTL on a {@link TestCluster}, and older layers get the answers. */
class ClusterAuthApiTest {
    @Test
    void theBuilderAddsAccountsAndSetsTheTokenTtl() {
        TestCluster cluster = TestCluster.builder().dcs(2).rsaKey(TestKeys.RSA)
                .account("9996621234", "pw", "Alice").tokenTtl(Duration.ofSeconds(7)).build();
        Account alice = cluster.accounts().byPhone("+999 662 1234").orElseThrow();
        assertEquals(2, alice.homeDc());
        assertEquals("22222", alice.loginCode());
        assertTrue(alice.hasPassword());
        assertEquals(1_021_234L, alice.userId());
        assertEquals(Duration.ofSeconds(7), cluster.auth().tokens().ttl());
        assertEquals(Duration.ofSeconds(30), TestCluster.builder().build().auth().tokens().ttl());
        cluster.accounts().add("9996610000", null, "Bob");
        assertEquals("Bob", cluster.accounts().byId(1_010_000L).orElseThrow().firstName());
        assertThrows(IllegalArgumentException.class,
                () -> TestCluster.builder().account("9996631234", null, "X").build());
    }

    @Test
    void answersConvertToOlderLayers() {
        Account alice = new Accounts(2, dev.mtqr.mtproto.crypto.RandomSource.secure()).add("9996621234", null, "A");
        AuthAuthorization latest = new AuthAuthorization(null, null, null, alice.user(true));
        for (ApiLayer layer : ApiLayer.values()) {
            Object converted = LayerConverter.toLayer(latest, layer);
            assertTrue(((TlObject) converted).toByteArray().length > 0, layer.name());
        }
    }
}
