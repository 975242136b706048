package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.BadServerSalt;

/**
 * {@code bad_server_salt} (core.telegram.org/mtproto/service_messages_about_messages#notice-of-ignored-error-message):
 * the server ignored a message for its salt and names the one to use; the refused calls go out again
 * ({@link ClientSession#refused}: under the same msg_id if an earlier copy may have reached it).
 */
final class BadServerSaltHandler {
    private BadServerSaltHandler() {
    }

    static void handle(ClientSession session, BadServerSalt bad) {
        session.stats.refusals.incrementAndGet();
        session.salts.set(bad.newServerSalt());
        for (CallTable.StateRequest request : session.calls.takeStateRequestsCarriedBy(bad.badMsgId())) {
            session.ask(request.asked().stream().filter(c -> !c.done() && !c.retiring).toList());
        }
        session.refused(session.calls.carriedBy(bad.badMsgId()), true);
    }
}
