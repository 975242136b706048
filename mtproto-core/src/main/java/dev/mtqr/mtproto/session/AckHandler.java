package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.MsgsAck;

/**
 * {@code msgs_ack} (core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt): the server
 * has these calls. They are not sent again; their answers come, after a reconnect too (the server sends what we did
 * not acknowledge again).
 */
final class AckHandler {
    private AckHandler() {
    }

    static void handle(ClientSession session, MsgsAck ack) {
        for (long msgId : ack.msgIds()) {
            OutboundCall call = session.calls.get(msgId);
            if (call != null && (call.delivery == OutboundCall.Delivery.SENT
                    || call.delivery == OutboundCall.Delivery.ASKED)) {
                call.delivery = OutboundCall.Delivery.RECEIVED;
            }
        }
    }
}
