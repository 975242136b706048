package dev.mtqr.testkit.server;

import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeWithLayer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A public face of {@link CoreClient} for tests of other packages: a client with its own key on one DC of a
 * socket-free cluster that calls API methods (the first one wrapped in {@code invokeWithLayer(initConnection)}) and
 * collects what the server pushes.
 */
public final class CoreCaller {
    private final CoreClient client;
    private final String deviceModel;
    private final List<TlObject> pushed = new ArrayList<>();
    private boolean introduced;

    private CoreCaller(CoreClient client, String deviceModel) {
        this.client = client;
        this.deviceModel = deviceModel;
    }

    /** A client of {@code dc} that has made its key and will introduce itself as {@code deviceModel}. */
    public static CoreCaller connect(ServerDc dc, Clock clock, String deviceModel) {
        return new CoreCaller(CoreClient.withKey(dc, clock), deviceModel);
    }

    /** The client's auth_key_id. */
    public long keyId() {
        return client.key.id();
    }

    /** The client's session_id. */
    public long sessionId() {
        return client.sessionId;
    }

    /**
     * The answer to {@code method}: the result object, a {@code List<TlObject>} for a Vector, or the
     * {@code dev.mtqr.tl.mtproto.RpcError}. Anything else the server sent meanwhile goes to {@link #pushed()}.
     */
    public Object call(TlMethod<?> method) {
        TlMethod<?> request = method;
        if (!introduced) {
            introduced = true;
            request = new InvokeWithLayer<>(client.layer.layer(), new InitConnection<>(7, deviceModel, "TestOS 1",
                    "1.0", "en", "", "en", null, null, method));
        }
        long msgId = client.send((TlObject) request);
        List<CoreClient.Received> received = client.receive();
        Object answer = null;
        for (CoreClient.Received r : received) {
            if (r.object() instanceof dev.mtqr.tl.mtproto.RpcResult result && result.reqMsgId() == msgId) {
                answer = result.result() instanceof CoreClient.Raw ? client.vectorResult(received, msgId)
                        : client.result(received, msgId);
            } else if (!(r.object() instanceof dev.mtqr.tl.mtproto.RpcResult)) {
                pushed.add(r.object());
            }
        }
        if (answer == null) {
            throw new AssertionError("no answer to " + method.tlName() + " in " + CoreClient.describe(received));
        }
        return answer;
    }

    /** Runs what the server scheduled on this client's connection (pushed updates), then collects it. */
    public List<TlObject> pushed() {
        client.output.runTasks();
        for (CoreClient.Received r : client.receive()) {
            pushed.add(r.object());
        }
        return List.copyOf(pushed);
    }
}
