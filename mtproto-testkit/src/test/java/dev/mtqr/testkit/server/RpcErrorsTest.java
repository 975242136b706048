package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlWriter;
import dev.mtqr.tl.api.AuthLogOut;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.UpdatesGetState;
import dev.mtqr.tl.api.UsersGetUsers;
import dev.mtqr.tl.mtproto.RpcError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcErrorsTest {
    private final MutableClock clock = new MutableClock();
    private final ServerCluster cluster = CoreClusters.create(clock);
    private final CoreClient client = CoreClient.withKey(cluster.dc(1), clock);

    private TlObject call(byte[] body) {
        long msgId = client.ids.next();
        client.send(msgId, client.seqNos.next(true), body);
        return client.result(client.receive(), msgId);
    }

    private RpcError error(byte[] body) {
        return (RpcError) call(body);
    }

    private void assertStillServes() {
        assertTrue(call(new HelpGetNearestDc().toByteArray()) instanceof NearestDc, "the connection is kept");
    }

    @Test
    void anUnknownMethodIsInputMethodInvalidWithItsId() {
        byte[] body = new byte[8];
        TlWriter.wrap(body).writeInt(0x74736574);
        RpcError error = error(body);
        assertEquals(400, error.errorCode());
        assertEquals("INPUT_METHOD_INVALID_1953719668_0", error.errorMessage());
        assertStillServes();
    }

    @Test
    void anUnknownMethodInsideWrappersIsNamedToo() {
        byte[] body = new InvokeWithLayer<>(228, new HelpGetConfig()).toByteArray();
        TlWriter.wrap(body, body.length - 4, 4).writeInt(0xdeadbeef);
        assertEquals("INPUT_METHOD_INVALID_" + Integer.toUnsignedString(0xdeadbeef) + "_0",
                error(body).errorMessage());
    }

    @Test
    void aKnownMethodWithoutHandlerIsInputMethodInvalid() {
        RpcError error = error(new AuthLogOut().toByteArray());
        assertEquals(400, error.errorCode());
        assertEquals("INPUT_METHOD_INVALID_" + Integer.toUnsignedString(AuthLogOut.CONSTRUCTOR_ID) + "_0",
                error.errorMessage());
    }

    @Test
    void aConstructorSentAsRequestIsInputMethodInvalid() {
        assertEquals(400, error(new NearestDc("ZZ", 1, 1).toByteArray()).errorCode());
    }

    @Test
    void aRequestThatDoesNotDecodeIsInputFetchError() {
        byte[] whole = new UsersGetUsers(List.of(new InputUserSelf(), new InputUserSelf())).toByteArray();
        RpcError error = error(Arrays.copyOf(whole, whole.length - 4));
        assertEquals(400, error.errorCode());
        assertEquals("INPUT_FETCH_ERROR", error.errorMessage());
        assertStillServes();
    }

    @Test
    void getUsersOfSelfIsAuthKeyUnregisteredUntilTheKeyLogsIn() {
        RpcError error = error(new UsersGetUsers(List.of(new InputUserSelf())).toByteArray());
        assertEquals(401, error.errorCode());
        assertEquals("AUTH_KEY_UNREGISTERED", error.errorMessage());

        cluster.dc(1).keys().find(client.key.id()).orElseThrow().authorize(77);
        long msgId = client.send(new UsersGetUsers(List.of(new InputUserSelf())));
        dev.mtqr.tl.api.User user = (dev.mtqr.tl.api.User) client.vectorResult(client.receive(), msgId).get(0);
        assertEquals(77, user.id());
        assertTrue(user.self());
    }

    @Test
    void getStateIsAuthKeyUnregisteredUntilTheKeyLogsIn() {
        assertEquals("AUTH_KEY_UNREGISTERED", error(new UpdatesGetState().toByteArray()).errorMessage());
    }

    @Test
    void aHandlerAnswersWithTheRpcErrorItThrows() {
        cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> {
            throw new RpcException(420, "FLOOD_WAIT_3");
        });
        RpcError error = error(new HelpGetNearestDc().toByteArray());
        assertEquals(420, error.errorCode());
        assertEquals("FLOOD_WAIT_3", error.errorMessage());
    }

    @Test
    void aFailingHandlerIsInternal() {
        cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> {
            throw new IllegalStateException("bug");
        });
        RpcError error = error(new HelpGetNearestDc().toByteArray());
        assertEquals(500, error.errorCode());
        assertEquals("INTERNAL", error.errorMessage());
    }
}
