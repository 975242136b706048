package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.MsgResendReq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code msg_resend_req} (core.telegram.org/mtproto/service_messages_about_messages#explicit-request-to-re-send-messages):
 * the asked messages the session still has in its log go out again, unchanged; others are forgotten.
 */
final class ResendRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResendRequestHandler.class);

    private ResendRequestHandler() {
    }

    static void handle(ServerSession session, MsgResendReq request) {
        int found = session.resend(request.msgIds());
        if (found < request.msgIds().size()) {
            LOG.debug("{}: {} of {} messages to resend are no longer in the log", session,
                    request.msgIds().size() - found, request.msgIds().size());
        }
    }
}
