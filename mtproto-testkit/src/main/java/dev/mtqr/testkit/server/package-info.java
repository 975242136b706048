/**
 * The test server's MTProto layer without a transport: a {@link dev.mtqr.testkit.server.ServerConnection} takes whole
 * packets (key exchange, then encrypted messages checked per core.telegram.org/mtproto/service_messages_about_messages)
 * and answers through a {@link dev.mtqr.testkit.server.ConnectionOutput}, so that unit tests drive it packet by packet.
 * Sessions play Telegram's side of reliable delivery (what the client has not acknowledged goes out again, a request
 * sent again is answered without running twice), {@link dev.mtqr.testkit.server.ExecutionLog} shows what ran, and
 * {@link dev.mtqr.testkit.server.DcFaults} breaks delivery on purpose.
 */
package dev.mtqr.testkit.server;
