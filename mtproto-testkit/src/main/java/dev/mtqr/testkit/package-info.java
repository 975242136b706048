/**
 * An in-process MTProto test server: {@link dev.mtqr.testkit.TestCluster} runs DCs on 127.0.0.1 that make auth keys,
 * check every message as strictly as Telegram, answer the service messages and serve the API methods registered in
 * {@link dev.mtqr.testkit.rpc.RpcHandlers}, in the layer each client declares; {@link dev.mtqr.testkit.TestDc} injects
 * faults. Modelled on gotd's {@code tgtest}.
 */
package dev.mtqr.testkit;
