package dev.mtqr.testkit.auth;

import dev.mtqr.mtproto.rpc.RpcException;

/**
 * The errors of the login service, with Telegram's codes and messages (core.telegram.org/api/errors and the
 * methods' pages). A QR token exported with the accepting user in {@code except_ids} is refused with
 * {@code AUTH_TOKEN_INVALID}: Telegram documents no dedicated error for it, and the token is unusable for that user.
 */
final class AuthErrors {
    private AuthErrors() {
    }

    static RpcException phoneInvalid() {
        return new RpcException(400, "PHONE_NUMBER_INVALID");
    }

    static RpcException phoneUnoccupied() {
        return new RpcException(400, "PHONE_NUMBER_UNOCCUPIED");
    }

    static RpcException phoneMigrate(int dc) {
        return new RpcException(303, "PHONE_MIGRATE_" + dc);
    }

    static RpcException userMigrate(int dc) {
        return new RpcException(303, "USER_MIGRATE_" + dc);
    }

    static RpcException codeInvalid() {
        return new RpcException(400, "PHONE_CODE_INVALID");
    }

    static RpcException codeExpired() {
        return new RpcException(400, "PHONE_CODE_EXPIRED");
    }

    static RpcException passwordNeeded() {
        return new RpcException(401, "SESSION_PASSWORD_NEEDED");
    }

    static RpcException passwordHashInvalid() {
        return new RpcException(400, "PASSWORD_HASH_INVALID");
    }

    static RpcException srpIdInvalid() {
        return new RpcException(400, "SRP_ID_INVALID");
    }

    static RpcException tokenInvalid() {
        return new RpcException(400, "AUTH_TOKEN_INVALID");
    }

    static RpcException tokenExpired() {
        return new RpcException(400, "AUTH_TOKEN_EXPIRED");
    }

    static RpcException tokenAlreadyAccepted() {
        return new RpcException(400, "AUTH_TOKEN_ALREADY_ACCEPTED");
    }
}
