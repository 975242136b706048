package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsStateInfo;

/**
 * {@code msg_resend_req} from the server (core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages):
 * the open calls it names go out again unchanged (same msg_id and seqno); if any named message is not an open call,
 * the answer is a {@code msgs_state_info} for all of them, as the protocol asks.
 */
final class ResendRequestHandler {
    private ResendRequestHandler() {
    }

    static void handle(ClientSession session, long requestMsgId, MsgResendReq request) {
        boolean allKnown = true;
        for (long msgId : request.msgIds()) {
            OutboundCall call = session.calls.get(msgId);
            if (call != null && !call.retiring && call.sessionId == session.sessionId()) {
                session.resendCopy(call);
            } else {
                allKnown = false;
            }
        }
        if (!allKnown) {
            session.sendService(new MsgsStateInfo(requestMsgId, StateRequestHandler.states(session, request.msgIds())));
        }
    }
}
