/**
 * The test server's MTProto layer without a transport: a {@link dev.mtqr.testkit.server.ServerConnection} takes whole
 * packets (key exchange, then encrypted messages checked per core.telegram.org/mtproto/service_messages_about_messages)
 * and answers through a {@link dev.mtqr.testkit.server.ConnectionOutput}, so that unit tests drive it packet by packet.
 */
package dev.mtqr.testkit.server;
