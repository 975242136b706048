package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import java.util.List;

/**
 * {@code msgs_state_req} from the server about its messages
 * (core.telegram.org/mtproto/service_messages_about_messages#request-for-message-status-information): 4 (received)
 * for what we have seen, else 1 (nothing known), in one {@code msgs_state_info}.
 */
final class StateRequestHandler {
    private StateRequestHandler() {
    }

    static void handle(ClientSession session, long requestMsgId, MsgsStateReq request) {
        session.sendService(new MsgsStateInfo(requestMsgId, states(session, request.msgIds())));
    }

    static byte[] states(ClientSession session, List<Long> ids) {
        byte[] info = new byte[ids.size()];
        for (int i = 0; i < info.length; i++) {
            info[i] = (byte) (session.seen.contains(ids.get(i)) ? StateInfoHandler.RECEIVED : StateInfoHandler.UNKNOWN);
        }
        return info;
    }
}
