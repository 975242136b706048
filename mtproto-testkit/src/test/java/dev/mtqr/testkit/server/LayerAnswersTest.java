package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.rpc.ClientInfo;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.api.UsersGetUsers;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Answers are encoded in the layer the client declares with invokeWithLayer, and requests read in it. */
class LayerAnswersTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    private static <X> InvokeWithLayer<X> withLayer(int layer, TlMethod<X> query) {
        return new InvokeWithLayer<>(layer, new InitConnection<>(2040, "Desktop", "Linux", "1.0", "en", "", "en",
                null, null, query));
    }

    private ClientKey key() {
        return cluster.dc(1).keys().find(client.key.id()).orElseThrow();
    }

    private TlObject call(TlObject request) {
        long msgId = client.send(request);
        return client.result(client.receive(), msgId);
    }

    @Test
    void aLayer144ClientGetsTheLayer144Config() {
        client.layer = ApiLayer.LAYER_144;
        TlObject config = call(withLayer(144, new HelpGetConfig()));
        assertInstanceOf(dev.mtqr.tl.compat.layer144.Config.class, config);
        assertEquals(0x330b4067, config.constructorId());
        assertEquals(2, ((dev.mtqr.tl.compat.layer144.Config) config).dcOptions().size());
        assertEquals(144, key().layer());
        assertEquals(new ClientInfo(2040, "Desktop", "Linux", "1.0", "en", "", "en"), key().clientInfo().orElseThrow());

        assertEquals(0x330b4067, call(new HelpGetConfig()).constructorId(), "the layer is remembered");
    }

    @Test
    void aLayer198ClientGetsTheLayer198User() {
        client.layer = ApiLayer.LAYER_198;
        key().authorize(5);
        long msgId = client.send(withLayer(198, new UsersGetUsers(List.of(new InputUserSelf()))));
        TlObject user = client.vectorResult(client.receive(), msgId).get(0);
        assertInstanceOf(dev.mtqr.tl.compat.layer198.User.class, user);
        assertEquals(0x4b46c37e, user.constructorId());
        assertEquals(5, ((dev.mtqr.tl.compat.layer198.User) user).id());
    }

    @Test
    void aLayer228ClientGetsTheLatestConstructors() {
        key().authorize(5);
        assertEquals(dev.mtqr.tl.api.Config.CONSTRUCTOR_ID, call(withLayer(228, new HelpGetConfig())).constructorId());
        long msgId = client.send(new UsersGetUsers(List.of(new InputUserSelf())));
        assertEquals(dev.mtqr.tl.api.User.CONSTRUCTOR_ID, client.vectorResult(client.receive(), msgId).get(0)
                .constructorId());
    }

    @Test
    void aLayer144RequestReachesItsHandlerAsALatestRecord() {
        AtomicReference<dev.mtqr.tl.api.AuthSignIn> seen = new AtomicReference<>();
        cluster.handlers().on(dev.mtqr.tl.api.AuthSignIn.class, (request, context) -> {
            seen.set(request);
            throw new dev.mtqr.mtproto.rpc.RpcException(400, "PHONE_CODE_INVALID");
        });
        client.layer = ApiLayer.LAYER_144;
        call(withLayer(144, new dev.mtqr.tl.compat.layer144.AuthSignIn("9996612222", "hash", "22222")));
        assertEquals(new dev.mtqr.tl.api.AuthSignIn("9996612222", "hash", "22222", null), seen.get());
    }
}
