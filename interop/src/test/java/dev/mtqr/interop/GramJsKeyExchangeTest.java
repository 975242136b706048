package dev.mtqr.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import dev.mtqr.testkit.TestCluster;
import dev.mtqr.testkit.rpc.ClientInfo;
import dev.mtqr.testkit.rpc.ClientKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GramJS 2.26.22 (npm {@code telegram}, layer 198) makes an auth key with the testkit and gets
 * {@code invokeWithLayer(initConnection(help.getConfig))} answered, over each transport it has for Node.
 */
class GramJsKeyExchangeTest {
    private static final int DCS = 2;
    private static final int DC = 2;
    private static final int GRAMJS_LAYER = 198;

    private static RsaPrivateKey rsaKey;

    @BeforeAll
    static void generateKey() {
        rsaKey = RsaPrivateKey.generate(2048);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"full", "abridged", "obfuscated"})
    void makesAKeyAndGetsTheConfigInItsLayer(String transport) {
        try (TestCluster cluster = TestCluster.builder().dcs(DCS).rsaKey(rsaKey).start()) {
            GramJsScript.Run run = GramJsScript.named("handshake.js")
                    .dc(DC, cluster.address(DC), cluster.publicKey())
                    .env("MTQR_TRANSPORT", transport)
                    .run();

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(Integer.toString(DC), run.field("this_dc"), run::describe);
            assertEquals(Integer.toString(DCS), run.field("dc_options"), run::describe);
            assertEquals(Integer.toString(GRAMJS_LAYER), run.field("layer"), run::describe);

            long authKeyId = Long.parseLong(run.field("auth_key_id"));
            List<ClientKey> keys = cluster.dc(DC).keys().all();
            ClientKey key = keys.stream().filter(k -> k.id() == authKeyId).findFirst()
                    .orElseThrow(() -> new AssertionError("DC " + DC + " has no key " + Long.toHexString(authKeyId)
                            + " (it has " + keys + ")\n" + run.describe()));
            assertEquals(GRAMJS_LAYER, key.layer(), () -> key + "\n" + run.describe());
            assertEquals("mtqr-interop", key.clientInfo().map(ClientInfo::deviceModel).orElse(null),
                    () -> key + " has no initConnection from GramJS\n" + run.describe());
            assertTrue(cluster.dc(1).keys().all().isEmpty(), () -> "GramJS made a key with DC 1\n" + run.describe());
        }
    }
}
