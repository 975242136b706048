package dev.mtqr.examples;

import dev.mtqr.mtproto.client.MtprotoClient;
import dev.mtqr.mtproto.rpc.RpcException;
import dev.mtqr.mtproto.store.FileSessionStore;
import dev.mtqr.mtproto.store.InMemorySessionStore;
import dev.mtqr.mtproto.store.SessionStore;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.api.UserType;
import dev.mtqr.tl.api.UsersGetUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Session files for the client commands, and the user a session is logged in as. */
final class Sessions {
    private Sessions() {
    }

    /** The store for {@code file}, or a memory one when there is no file. */
    static SessionStore store(Path file) {
        return file == null ? new InMemorySessionStore() : new FileSessionStore(file);
    }

    /** The store of an existing session {@code file}: a usage error if there is no such file. */
    static SessionStore existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CommandFailure.usage("no session file " + file + ": log in first (mtqr login --session FILE)");
        }
        return new FileSessionStore(file);
    }

    /**
     * Who the session is logged in as, asking the server ({@code users.getUsers([inputUserSelf])}); empty when the
     * session was never logged in or the server no longer knows its key as logged in (401).
     */
    static Optional<User> self(MtprotoClient client) throws InterruptedException {
        if (client.userId() == 0) {
            return Optional.empty();
        }
        try {
            List<UserType> users = Await.result(client, client.mainDc(),
                    client.invoke(new UsersGetUsers(List.of(new InputUserSelf()))), Await.CALL_TIMEOUT,
                    "users.getUsers");
            return users.isEmpty() || !(users.get(0) instanceof User user) ? Optional.empty() : Optional.of(user);
        } catch (CommandFailure failure) {
            if (notLoggedIn(failure.getCause())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** The contract's line for a logged-in user. */
    static String loggedIn(User user, int dc) {
        return "logged in as " + name(user) + " (id " + user.id() + ") on dc " + dc;
    }

    static String name(User user) {
        String first = user.firstName() == null ? "" : user.firstName();
        String last = user.lastName() == null ? "" : user.lastName();
        String name = (first + " " + last).strip();
        return name.isEmpty() ? "user " + user.id() : name;
    }

    /** Whether {@code e} says the key is not (or no longer) logged in. */
    static boolean notLoggedIn(Throwable e) {
        return e != null && Failures.unwrap(e) instanceof RpcException rpc && rpc.code() == 401;
    }
}
