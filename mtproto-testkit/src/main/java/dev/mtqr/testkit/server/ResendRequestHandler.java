package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.MsgResendReq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code msg_resend_req} (core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages):
 * the asked messages the session still keeps go out again, unchanged. "If at least one message with requested msg_id
 * does not exist or has already been forgotten, or has been sent by the requesting party (known from parity),
 * MsgsStateInfo is returned for all messages requested as if the MsgResendReq query had been a MsgsStateReq query as
 * well."
 */
final class ResendRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResendRequestHandler.class);

    private ResendRequestHandler() {
    }

    static void handle(ServerSession session, long msgId, MsgResendReq request) {
        int found = session.resend(request.msgIds());
        if (found < request.msgIds().size()) {
            LOG.debug("{}: {} of {} messages to resend are not kept", session, request.msgIds().size() - found,
                    request.msgIds().size());
            StateRequestHandler.answer(session, msgId, request.msgIds());
        }
    }
}
