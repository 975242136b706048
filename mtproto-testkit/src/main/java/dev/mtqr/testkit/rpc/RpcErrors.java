package dev.mtqr.testkit.rpc;

import dev.mtqr.mtproto.rpc.RpcException;

/**
 * The {@code rpc_error}s the test server itself answers with (core.telegram.org/api/errors). A handler returns any
 * other error by throwing {@code new RpcException(code, message)}.
 */
public final class RpcErrors {
    /** What Telegram answers a method it does not serve with, prefix of {@code INPUT_METHOD_INVALID_<id>_<n>}. */
    public static final String INPUT_METHOD_INVALID = "INPUT_METHOD_INVALID";
    /** What Telegram answers a request whose parameters it cannot deserialize with. */
    public static final String INPUT_FETCH_ERROR = "INPUT_FETCH_ERROR";
    /** A call that needs a logged-in key, on a key that is not. */
    public static final String AUTH_KEY_UNREGISTERED = "AUTH_KEY_UNREGISTERED";
    /** A handler that failed unexpectedly. */
    public static final String INTERNAL = "INTERNAL";

    private RpcErrors() {
    }

    /**
     * {@code 400 INPUT_METHOD_INVALID_<constructor id as unsigned decimal>_0}: a method no handler serves. Telegram
     * answers unknown methods this way (e.g. {@code INPUT_METHOD_INVALID_1953719668_...} for the bytes "test");
     * Telethon and GramJS turn it into their generic 400 error, TDLib matches the prefix.
     */
    public static RpcException methodInvalid(int constructorId) {
        return new RpcException(400, INPUT_METHOD_INVALID + "_" + Integer.toUnsignedString(constructorId) + "_0");
    }

    /** {@code 400 INPUT_FETCH_ERROR}: a request whose bytes do not decode. */
    public static RpcException fetchError() {
        return new RpcException(400, INPUT_FETCH_ERROR);
    }

    /** {@code 401 AUTH_KEY_UNREGISTERED}: the key is not logged in. */
    public static RpcException authKeyUnregistered() {
        return new RpcException(401, AUTH_KEY_UNREGISTERED);
    }

    /** {@code 500 INTERNAL}: the handler failed. */
    public static RpcException internal() {
        return new RpcException(500, INTERNAL);
    }
}
