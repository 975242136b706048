/**
 * The seam where a client's bytes leave the machine: a {@link dev.mtqr.mtproto.dial.Dialer} opens a
 * {@link dev.mtqr.mtproto.dial.Pipe} of MTProto packets to a DC — TCP with a transport's framing now
 * ({@link dev.mtqr.mtproto.dial.TcpDialer}); proxies, MTProxy and WebSocket plug in here — and reports what happens
 * on it to a {@link dev.mtqr.mtproto.dial.PipeListener}. Nothing above it knows which.
 */
package dev.mtqr.mtproto.dial;
