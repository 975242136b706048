package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.RpcError;

/**
 * {@code rpc_result} (core.telegram.org/mtproto/service_messages#response-to-an-rpc-query): completes the open call
 * it answers with its typed result, or fails it with the {@code rpc_error}'s typed exception; an answer to a call
 * that is no longer open (answered already, abandoned) is ignored, so an answer the server sends twice counts once.
 */
final class RpcResultHandler {
    private RpcResultHandler() {
    }

    static void handle(ClientSession session, byte[] body) {
        Bodies.RpcResultBody result = Bodies.unpackRpcResult(body);
        OutboundCall call = session.calls.get(result.reqMsgId());
        if (call == null) {
            session.stats.duplicates.incrementAndGet();
            return;
        }
        session.calls.remove(call);
        byte[] answer;
        try {
            answer = Bodies.inflateIfPacked(result.result());
        } catch (TlDecodeException e) {
            call.fail(e);
            return;
        }
        if (Bodies.constructorId(answer) == Bodies.RPC_ERROR) {
            RpcError error;
            try {
                error = MessageDispatcher.read(answer, RpcError.class);
            } catch (TlDecodeException e) {
                call.fail(e);
                return;
            }
            call.fail(RpcException.of(error.errorCode(), error.errorMessage()));
            return;
        }
        complete(session, call, answer);
    }

    /** Completes {@code call} with its result read from {@code answer}, or fails it if that does not decode. */
    static void complete(ClientSession session, OutboundCall call, byte[] answer) {
        Object value;
        try {
            TlReader in = TlReader.of(answer, session.registry);
            value = call.method.readResult(in);
            in.expectEnd();
        } catch (TlDecodeException e) {
            call.fail(e);
            return;
        }
        call.succeed(value);
    }
}
