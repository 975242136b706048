package dev.mtqr.mtproto.rpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code rpc_error} the server answered a call with (core.telegram.org/api/errors). {@link #of} picks the typed
 * subclass callers branch on; anything else is a plain {@code RpcException} with its code and message.
 */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern MIGRATE = Pattern.compile("(PHONE|NETWORK|USER|FILE|STATS)_MIGRATE_(\\d+)");
    private static final Pattern FLOOD = Pattern.compile("FLOOD_(?:PREMIUM_)?WAIT_(\\d+)");

    private final int code;
    private final String errorMessage;

    public RpcException(int code, String errorMessage) {
        super(code + " " + errorMessage);
        this.code = code;
        this.errorMessage = errorMessage;
    }

    /** The error code: 303, 400, 401, 403, 420, 500... */
    public int code() {
        return code;
    }

    /** The error message, such as {@code AUTH_TOKEN_EXPIRED}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The typed exception for an {@code rpc_error}. */
    public static RpcException of(int code, String message) {
        Matcher migrate = MIGRATE.matcher(message);
        if (code == 303 && migrate.matches()) {
            return new MigrateException(code, message, MigrateException.Kind.valueOf(migrate.group(1)),
                    Integer.parseInt(migrate.group(2)));
        }
        Matcher flood = FLOOD.matcher(message);
        if (flood.matches()) {
            return new FloodWaitException(code, message, Integer.parseInt(flood.group(1)));
        }
        return switch (message) {
            case "AUTH_TOKEN_EXPIRED" -> new AuthTokenExpiredException(code, message);
            case "AUTH_TOKEN_INVALID" -> new AuthTokenInvalidException(code, message);
            case "AUTH_TOKEN_ALREADY_ACCEPTED" -> new AuthTokenAlreadyAcceptedException(code, message);
            case "SESSION_PASSWORD_NEEDED" -> new SessionPasswordNeededException(code, message);
            case "PASSWORD_HASH_INVALID" -> new PasswordHashInvalidException(code, message);
            default -> new RpcException(code, message);
        };
    }
}
