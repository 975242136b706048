package dev.mtqr.testkit.rpc;

import dev.mtqr.tl.TlMethod;

/**
 * Serves one API method on the test server. Gets the request as a latest-layer record (whatever layer the client
 * speaks), returns the result as latest-layer objects (the server encodes them for the client's layer), and fails
 * with {@code dev.mtqr.mtproto.rpc.RpcException(code, message)} to answer {@code rpc_error}.
 *
 * <pre>{@code
 * cluster.handlers().on(HelpGetNearestDc.class, (request, context) -> new NearestDc("NL", context.dcId(), 2));
 * }</pre>
 *
 * @param <M> the method's record type
 * @param <R> its result type
 */
@FunctionalInterface
public interface RpcHandler<M extends TlMethod<R>, R> {
    /** The result of {@code request}. */
    R handle(M request, RpcContext context);
}
