package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.rpc.ProtocolException;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import java.util.List;

/**
 * {@code bad_msg_notification} (core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message):
 * the server ignored one of our messages (or a whole container). 16/17 correct the clock from the notification's own
 * msg_id; if that moves the time below ids this session already gave (17, or a local clock set forward) the session
 * is replaced, as it must be after a seqno refusal (32/33). The calls the refused message carried are then dealt
 * with by {@link ClientSession#refused}; a refused state request is asked again. A code the client cannot repair
 * fails the calls.
 */
final class BadMsgHandler {
    static final int MSG_ID_TOO_LOW = 16;
    static final int MSG_ID_TOO_HIGH = 17;
    static final int SEQNO_TOO_LOW = 32;
    static final int SEQNO_TOO_HIGH = 33;
    static final int BAD_SERVER_SALT = 48;

    private BadMsgHandler() {
    }

    /**
     * @param current whether the notification came in the current session (not in one just replaced, whose refusals
     *                must not replace the session again)
     */
    static void handle(ClientSession session, BadMsgNotification bad, long serverMsgId, boolean current) {
        session.stats.refusals.incrementAndGet();
        long refusedId = bad.badMsgId();
        List<OutboundCall> refused = session.calls.carriedBy(refusedId);
        for (CallTable.StateRequest request : session.calls.takeStateRequestsCarriedBy(refusedId)) {
            session.ask(request.asked().stream().filter(c -> !c.done() && !c.retiring).toList());
        }
        switch (bad.errorCode()) {
            case MSG_ID_TOO_LOW, MSG_ID_TOO_HIGH -> {
                boolean back = session.msgIds.syncWith(serverMsgId);
                session.refused(refused, false);
                if (back && current) {
                    session.renew();
                }
            }
            case SEQNO_TOO_LOW, SEQNO_TOO_HIGH -> {
                session.refused(refused, false);
                if (current) {
                    session.renew();
                }
            }
            case BAD_SERVER_SALT -> session.refused(refused, true);
            case 18, 19, 20, 34, 35, 64 -> session.refused(refused, false);
            default -> {
                for (OutboundCall call : refused) {
                    session.calls.remove(call);
                    call.fail(new ProtocolException("the server refused the message: bad_msg_notification "
                            + bad.errorCode()));
                }
            }
        }
    }
}
