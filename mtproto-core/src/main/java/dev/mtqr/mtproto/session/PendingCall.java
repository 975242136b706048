package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlMethod;
import java.util.concurrent.CompletableFuture;

/**
 * A call waiting for its answer: the method (which knows how to read its result), the future to complete, the
 * encoded body, and the msg_id (and container id) of the message that last carried it.
 */
final class PendingCall {
    final TlMethod<?> method;
    final CompletableFuture<Object> future;
    final byte[] body;
    long msgId;
    long containerId;

    PendingCall(TlMethod<?> method, CompletableFuture<Object> future, byte[] body) {
        this.method = method;
        this.future = future;
        this.body = body;
    }
}
