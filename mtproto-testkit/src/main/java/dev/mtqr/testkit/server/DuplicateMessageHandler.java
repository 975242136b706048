package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import java.util.List;

/**
 * A content-related message whose msg_id the session already received: a client sending an unanswered call again
 * under its original msg_id, alone or in a new container. It is not executed again
 * (core.telegram.org/mtproto/service_messages_about_messages). It is acknowledged again, and if it was answered, the
 * answer goes out again unchanged while the session still keeps it; once it is forgotten (acknowledged, or pushed out
 * of the log), {@code msg_detailed_info} names it instead
 * (core.telegram.org/mtproto/service_messages_about_messages#extended-voluntary-communication-of-status-of-one-message).
 * {@code msg_detailed_info} answers the repeated message (1 mod 4) and needs no acknowledgment.
 */
final class DuplicateMessageHandler {
    /** {@code msg_detailed_info.status}: always 0 (the same field as in {@code msgs_state_info}). */
    private static final int STATUS = 0;

    private DuplicateMessageHandler() {
    }

    static void handle(ServerSession session, InnerMessage message) {
        session.ack(message.msgId());
        ReceivedMessages.Answer answer = session.received().answer(message.msgId());
        if (answer == null || session.resend(List.of(answer.msgId())) == 1) {
            return;
        }
        session.enqueue(new MsgDetailedInfo(message.msgId(), answer.msgId(), answer.bytes(), STATUS), true, false);
    }
}
