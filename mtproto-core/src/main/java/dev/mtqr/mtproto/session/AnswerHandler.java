package dev.mtqr.mtproto.session;

/**
 * Answers that come outside {@code rpc_result}: {@code pong} (to {@code ping} and {@code ping_delay_disconnect}) and
 * {@code future_salts} (core.telegram.org/mtproto/service_messages#ping-messages-pingpong,
 * #request-for-several-future-salts). They complete the open call they name; others are ignored.
 */
final class AnswerHandler {
    private AnswerHandler() {
    }

    static void handle(ClientSession session, long reqMsgId, byte[] body) {
        OutboundCall call = session.calls.get(reqMsgId);
        if (call == null) {
            session.stats.duplicates.incrementAndGet();
            return;
        }
        session.calls.remove(call);
        RpcResultHandler.complete(session, call, body);
    }
}
