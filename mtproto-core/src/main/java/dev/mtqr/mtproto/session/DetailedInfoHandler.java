package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgNewDetailedInfo;
import dev.mtqr.tl.mtproto.MsgResendReq;
import java.util.List;

/**
 * {@code msg_detailed_info} and {@code msg_new_detailed_info}
 * (core.telegram.org/mtproto/service_messages_about_messages#extended-voluntary-communication-of-status-of-one-message):
 * the server says it has an answer (to a call of ours sent again, say) under answer_msg_id. If that message arrived,
 * it is acknowledged; if not, asked for with {@code msg_resend_req}.
 */
final class DetailedInfoHandler {
    private DetailedInfoHandler() {
    }

    static void handle(ClientSession session, MsgDetailedInfo info) {
        OutboundCall call = session.calls.get(info.msgId());
        if (call != null && call.delivery != OutboundCall.Delivery.QUEUED) {
            call.delivery = OutboundCall.Delivery.RECEIVED;
        }
        fetch(session, info.answerMsgId());
    }

    static void handle(ClientSession session, MsgNewDetailedInfo info) {
        fetch(session, info.answerMsgId());
    }

    private static void fetch(ClientSession session, long answerMsgId) {
        if (session.seen.contains(answerMsgId)) {
            session.ack(answerMsgId);
        } else {
            session.sendService(new MsgResendReq(List.of(answerMsgId)));
        }
    }
}
