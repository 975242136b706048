package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.NewSessionCreated;

/**
 * {@code new_session_created} (core.telegram.org/mtproto/service_messages#new-session-creation-notification): the
 * server made the session when a packet of ours reached it; first_msg_id names that packet, by the id of its first
 * message or of its container (servers differ). Calls whose latest copy went out in a packet sent before it never
 * reached this session: they go out again. Comparing the id of the packet that carried each call, not the call's own
 * msg_id, is right under both conventions (TDLib's Session::on_session_created does the same); comparing msg_ids would
 * send again calls the server executed when it names the container.
 */
final class NewSessionHandler {
    private NewSessionHandler() {
    }

    static void handle(ClientSession session, NewSessionCreated created) {
        session.salts.set(created.serverSalt());
        long first = created.firstMsgId();
        for (OutboundCall call : session.calls.open()) {
            if (!call.retiring && call.sessionId == session.sessionId() && Long.compareUnsigned(call.packetId, first) < 0
                    && call.delivery != OutboundCall.Delivery.QUEUED) {
                session.requeueFresh(call);
            }
        }
    }
}
