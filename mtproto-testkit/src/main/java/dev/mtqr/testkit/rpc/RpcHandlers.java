package dev.mtqr.testkit.rpc;

import dev.mtqr.tl.TlMethod;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API methods a cluster serves, by record type; shared by all its DCs and changeable while it runs (a later
 * handler for a method replaces the earlier one). Wrappers ({@code invokeWithLayer}, {@code initConnection},
 * {@code invokeAfterMsg(s)}, {@code invokeWithoutUpdates}) are unwrapped before a handler is looked up.
 */
public final class RpcHandlers {
    private final Map<Class<?>, RpcHandler<?, ?>> handlers = new ConcurrentHashMap<>();

    /** Serves {@code method} with {@code handler}, replacing any handler it had. */
    public <M extends TlMethod<R>, R> RpcHandlers on(Class<M> method, RpcHandler<M, R> handler) {
        handlers.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Stops serving {@code method}: calls get INPUT_METHOD_INVALID afterwards. */
    public RpcHandlers remove(Class<? extends TlMethod<?>> method) {
        handlers.remove(method);
        return this;
    }

    /** Whether {@code method} has a handler. */
    public boolean serves(Class<?> method) {
        return handlers.containsKey(method);
    }

    /**
     * The result of {@code request} from its handler.
     *
     * @throws dev.mtqr.mtproto.rpc.RpcException {@code INPUT_METHOD_INVALID_…} if no handler serves it, or the
     *                                           error the handler failed with
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handle(TlMethod<?> request, RpcContext context) {
        RpcHandler handler = handlers.get(request.getClass());
        if (handler == null) {
            throw RpcErrors.methodInvalid(request.constructorId());
        }
        Object result = handler.handle(request, context);
        if (result == null) {
            throw new IllegalStateException("the handler of " + request.tlName() + " returned null");
        }
        return result;
    }
}
