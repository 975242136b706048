package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import java.util.List;

/**
 * {@code msgs_state_req} (core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information):
 * one status byte per asked msg_id ({@link ReceivedMessages#state}), in {@code msgs_state_info}, which answers the
 * request and needs no acknowledgment.
 */
final class StateRequestHandler {
    private StateRequestHandler() {
    }

    static void handle(ServerSession session, long msgId, MsgsStateReq request) {
        answer(session, msgId, request.msgIds());
    }

    /** Queues the {@code msgs_state_info} for {@code msgIds}, answering the message {@code reqMsgId}. */
    static void answer(ServerSession session, long reqMsgId, List<Long> msgIds) {
        byte[] info = new byte[msgIds.size()];
        for (int i = 0; i < info.length; i++) {
            info[i] = session.received().state(msgIds.get(i));
        }
        session.enqueue(new MsgsStateInfo(reqMsgId, info), true, false);
    }
}
