package dev.mtqr.mtproto.session;

import dev.mtqr.tl.mtproto.FutureSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import java.util.ArrayList;
import java.util.List;

/**
 * The server salt to send with (core.telegram.org/mtproto/description#server-salt): the last one the server gave,
 * or, once {@code get_future_salts} answered, whichever of those is valid at the server's current time, so that the
 * session switches salt as each becomes valid instead of waiting for {@code bad_server_salt}. Not thread-safe.
 */
final class ServerSalts {
    private long salt;
    private List<FutureSalt> future = List.of();

    ServerSalts(long salt) {
        this.salt = salt;
    }

    /** The salt for a message sent at server time {@code nowSeconds}. */
    long at(long nowSeconds) {
        for (FutureSalt candidate : future) {
            if (candidate.validSince() <= nowSeconds && nowSeconds < candidate.validUntil()) {
                return candidate.salt();
            }
        }
        return salt;
    }

    /** The salt the server named (new_session_created, bad_server_salt); future salts known so far are dropped. */
    void set(long newSalt) {
        salt = newSalt;
        future = List.of();
    }

    /** The salts of a {@code future_salts} answer. */
    void useFuture(FutureSalts salts) {
        future = List.copyOf(new ArrayList<>(salts.salts()));
    }

    /** The last salt the server named. */
    long named() {
        return salt;
    }
}
