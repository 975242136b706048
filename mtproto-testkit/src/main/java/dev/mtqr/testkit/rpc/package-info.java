/**
 * How API methods are served: an {@link dev.mtqr.testkit.rpc.RpcHandler} per method in
 * {@link dev.mtqr.testkit.rpc.RpcHandlers}, called with an {@link dev.mtqr.testkit.rpc.RpcContext} (the caller's key,
 * layer and session, the cluster) and answering with latest-layer objects or an {@code RpcException}.
 */
package dev.mtqr.testkit.rpc;
