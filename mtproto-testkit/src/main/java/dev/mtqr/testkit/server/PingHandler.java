package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import dev.mtqr.tl.mtproto.Pong;

/**
 * {@code ping} and {@code ping_delay_disconnect} (core.telegram.org/mtproto/service_messages#ping-messages-pingpong):
 * both are answered with {@code pong}; the second also closes the connection {@code disconnect_delay} seconds later
 * unless another one arrives first (GramJS sends one every ~9 s).
 */
final class PingHandler {
    private PingHandler() {
    }

    static void ping(ServerSession session, long msgId, Ping ping) {
        session.enqueue(new Pong(msgId, ping.pingId()), true, false);
    }

    static void pingDelayDisconnect(ServerSession session, long msgId, PingDelayDisconnect ping) {
        session.enqueue(new Pong(msgId, ping.pingId()), true, false);
        ServerConnection connection = session.connection();
        if (connection != null) {
            connection.disconnectAfter(ping.disconnectDelay());
        }
    }
}
