package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.testkit.layer.ApiLayer;
import dev.mtqr.testkit.layer.BoxedResults;
import dev.mtqr.testkit.layer.LayerConverter;
import dev.mtqr.testkit.rpc.ClientInfo;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcErrors;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.api.InitConnection;
import dev.mtqr.tl.api.InvokeAfterMsg;
import dev.mtqr.tl.api.InvokeAfterMsgs;
import dev.mtqr.tl.api.InvokeWithLayer;
import dev.mtqr.tl.api.InvokeWithoutUpdates;
import dev.mtqr.tl.mtproto.RpcError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API call: decoded in the caller's layer, unwrapped ({@code invokeWithLayer} remembers the layer on the key,
 * {@code initConnection} the client's description; {@code invokeAfterMsg(s)} and {@code invokeWithoutUpdates} just
 * wrap), recorded in the DC's {@link ExecutionLog}, handed to its {@link dev.mtqr.testkit.rpc.RpcHandler}, and answered
 * with {@code rpc_result}: the result encoded for the caller's layer (gzip_packed when large), or {@code rpc_error}.
 */
final class RpcCall {
    private static final Logger LOG = LoggerFactory.getLogger(RpcCall.class);

    private RpcCall() {
    }

    static void handle(ServerDc dc, ServerSession session, InnerMessage message) {
        ClientKey key = session.key();
        byte[] result;
        try {
            TlMethod<?> request = unwrap(RequestDecoder.decode(message.body(), key.layer()), key);
            if (request instanceof UnknownMethod unknown) {
                throw RpcErrors.methodInvalid(unknown.constructorId());
            }
            RpcContext context = new RpcContext(dc.id(), key, session, message.msgId(), dc.cluster(), dc.clock(),
                    dc.random());
            dc.executions().record(new ExecutionLog.Execution(dc.id(), key.id(), session.sessionId(), message.msgId(),
                    request));
            Object answer = dc.handlers().handle(request, context);
            result = BoxedResults.toBytes(LayerConverter.toLayer(answer, ApiLayer.of(key.layer())));
        } catch (RpcException e) {
            result = new RpcError(e.code(), e.errorMessage()).toByteArray();
        } catch (RuntimeException e) {
            LOG.warn("DC {}: a handler failed", dc.id(), e);
            RpcException internal = RpcErrors.internal();
            result = new RpcError(internal.code(), internal.errorMessage()).toByteArray();
        }
        if (result.length >= dc.settings().gzipThreshold()) {
            byte[] packed = Bodies.packGzip(result);
            if (packed.length < result.length) {
                result = packed;
            }
        }
        session.answer(message.msgId(), result);
    }

    /** The query inside the wrappers, remembering what they declare. */
    static TlMethod<?> unwrap(TlMethod<?> request, ClientKey key) {
        TlMethod<?> current = request;
        while (true) {
            if (current instanceof InvokeWithLayer<?> withLayer) {
                key.declareLayer(withLayer.layer());
                current = withLayer.query();
            } else if (current instanceof InitConnection<?> init) {
                key.introduce(ClientInfo.of(init));
                current = init.query();
            } else if (current instanceof InvokeAfterMsg<?> after) {
                current = after.query();
            } else if (current instanceof InvokeAfterMsgs<?> after) {
                current = after.query();
            } else if (current instanceof InvokeWithoutUpdates<?> without) {
                current = without.query();
            } else {
                return current;
            }
        }
    }
}
