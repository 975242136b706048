package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import java.util.List;

/**
 * {@code msgs_state_req} (core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information):
 * one status byte per asked msg_id, in {@code msgs_state_info}.
 */
final class StateRequestHandler {
    private StateRequestHandler() {
    }

    static void handle(ServerSession session, long msgId, MsgsStateReq request) {
        List<Long> ids = request.msgIds();
        byte[] info = new byte[ids.size()];
        for (int i = 0; i < info.length; i++) {
            info[i] = session.received().state(ids.get(i));
        }
        session.enqueue(new MsgsStateInfo(msgId, info), true, false);
    }
}
