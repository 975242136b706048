package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeAfterMsg;
import dev.mtqr.tl.api.InvokeAfterMsgs;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.api.InvokeWithoutUpdates;
import dev.mtqr.tl.api.NearestDc;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcCallTest {
    private final ClientKey key = new ClientKey(new AuthKey(new byte[256]), 1, false);

    @Test
    void unwrapsEveryWrapperAndRemembersLayerAndClient() {
        var request = new InvokeWithLayer<>(198, new InitConnection<>(6, "Phone", "Android 14", "10.0", "en", "android",
                "en", null, null, new InvokeWithoutUpdates<>(new InvokeAfterMsg<>(5, new InvokeAfterMsgs<>(List.of(1L),
                        new HelpGetConfig())))));
        assertInstanceOf(HelpGetConfig.class, RpcCall.unwrap(request, key));
        assertEquals(198, key.layer());
        assertEquals("Phone", key.clientInfo().orElseThrow().deviceModel());
        assertEquals(6, key.clientInfo().orElseThrow().apiId());
    }

    @Test
    void aPlainRequestIsItself() {
        HelpGetConfig request = new HelpGetConfig();
        assertTrue(RpcCall.unwrap(request, key) == request);
        assertEquals(0, key.layer());
    }

    @Test
    void invokeAfterMsgIsAnsweredByTheQuery() {
        MutableClock clock = new MutableClock();
        CoreClient client = CoreClient.withKey(CoreClusters.create(clock).dc(1), clock);
        long msgId = client.send(new InvokeAfterMsg<>(1, new HelpGetNearestDc()));
        assertInstanceOf(NearestDc.class, client.result(client.receive(), msgId));
    }
}
