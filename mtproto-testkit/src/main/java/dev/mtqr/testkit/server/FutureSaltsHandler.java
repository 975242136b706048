package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.GetFutureSalts;

/**
 * {@code get_future_salts} (core.telegram.org/mtproto/service_messages#request-for-several-future-salts): the current
 * salt and the next ones, {@code num} in all (at most 64), answered with {@code future_salts} outside rpc_result.
 */
final class FutureSaltsHandler {
    private FutureSaltsHandler() {
    }

    static void handle(ServerDc dc, ServerSession session, long msgId, GetFutureSalts request) {
        int now = (int) Math.floorDiv(dc.clock().millis(), 1000);
        session.enqueue(new FutureSalts(msgId, now, dc.salts().future(request.num())), true, false);
    }
}
