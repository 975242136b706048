/**
 * The test server and our client on one thread, in virtual time: a {@link dev.mtqr.testkit.sim.SimulatedNetwork}
 * carries the bytes of every connection between Netty pipelines that hold the real transport codecs on both sides
 * (client framing and obfuscation, the server's transport detector), with a latency, on a
 * {@link dev.mtqr.mtproto.time.VirtualScheduler}. Timeouts, backoff and expiry take no real time, and a run is
 * deterministic for a given seed.
 */
package dev.mtqr.testkit.sim;
