package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.rpc.OutcomeUnknownException;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import java.util.List;

/**
 * {@code msgs_state_info} answering our {@code msgs_state_req}
 * (core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information): per asked
 * call, 2 or 3 (not received) sends it again under a new msg_id; 4 (received) waits for its answer; 1 (the server
 * knows nothing of it any more) leaves its outcome unknown, and the call fails with {@link OutcomeUnknownException}.
 */
final class StateInfoHandler {
    static final int UNKNOWN = 1;
    static final int NOT_RECEIVED = 2;
    static final int NOT_RECEIVED_TOO_HIGH = 3;
    static final int RECEIVED = 4;

    private StateInfoHandler() {
    }

    static void handle(ClientSession session, MsgsStateInfo info) {
        CallTable.StateRequest request = session.calls.takeStateRequest(info.reqMsgId());
        if (request == null) {
            return;
        }
        List<OutboundCall> asked = request.asked();
        byte[] states = info.info();
        for (int i = 0; i < asked.size(); i++) {
            OutboundCall call = asked.get(i);
            if (call.done() || call.retiring) {
                continue;
            }
            int state = i < states.length ? states[i] & 7 : UNKNOWN;
            switch (state) {
                case NOT_RECEIVED, NOT_RECEIVED_TOO_HIGH -> session.requeueFresh(call);
                case RECEIVED -> call.delivery = OutboundCall.Delivery.RECEIVED;
                default -> {
                    session.calls.remove(call);
                    call.fail(new OutcomeUnknownException(call.name(),
                            "the server no longer knows whether it received it", null));
                }
            }
        }
    }
}
