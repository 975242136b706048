package dev.mtqr.testkit.server;

import dev.mtqr.tl.mtproto.DestroySession;
import dev.mtqr.tl.mtproto.DestroySessionNone;
import dev.mtqr.tl.mtproto.DestroySessionOk;

/**
 * {@code destroy_session} (core.telegram.org/mtproto/service_messages#request-to-destroy-session): forgets a session
 * of the same auth key; {@code destroy_session_ok} if there was one, {@code destroy_session_none} if not. A later
 * message in a destroyed session starts it anew (with {@code new_session_created}).
 */
final class DestroySessionHandler {
    private DestroySessionHandler() {
    }

    static void handle(ServerDc dc, ServerSession session, DestroySession request) {
        boolean destroyed = dc.destroySession(session.key().id(), request.sessionId());
        session.enqueue(destroyed ? new DestroySessionOk(request.sessionId())
                : new DestroySessionNone(request.sessionId()), true, false);
    }
}
