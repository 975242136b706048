package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.RpcAnswerUnknown;

/**
 * {@code rpc_drop_answer} (core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query): every call is
 * answered at once here, so there is never an answer left to drop: {@code rpc_answer_unknown}, in rpc_result.
 */
final class DropAnswerHandler {
    private DropAnswerHandler() {
    }

    static void handle(ServerSession session, long msgId) {
        session.answer(msgId, new RpcAnswerUnknown().toByteArray());
    }
}
