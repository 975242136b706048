package dev.mtqr.testkit.rpc.builtin;

import dev.mtqr.testkit.layer.RecordAssembler;
import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.InputUserSelf;
import dev.mtqr.tl.api.InputUserType;
import dev.mtqr.tl.api.User;
import dev.mtqr.tl.api.UserType;
import dev.mtqr.tl.api.UsersGetUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code users.getUsers}: {@code 401 AUTH_KEY_UNREGISTERED} while the key is not logged in (GramJS asks for
 * {@code [inputUserSelf]} after {@code updateLoginToken} and hangs without an answer); once it is, the caller itself
 * for {@code inputUserSelf} (from the directory the account service gives, or a bare user named after its id) and
 * nothing for users it does not know.
 */
public final class GetUsersHandler implements RpcHandler<UsersGetUsers, List<UserType>> {
    private final LongFunction<UserType> self;

    /** Answers {@code inputUserSelf} with a bare user named after its id. */
    public GetUsersHandler() {
        this(id -> null);
    }

    /** Answers {@code inputUserSelf} with {@code self.apply(userId)} (the user with {@code self} set), or a bare one if null. */
    public GetUsersHandler(LongFunction<UserType> self) {
        this.self = self;
    }

    @Override
    public List<UserType> handle(UsersGetUsers request, RpcContext context) {
        long userId = context.requireUser();
        List<UserType> users = new ArrayList<>();
        for (InputUserType input : request.id()) {
            if (input instanceof InputUserSelf) {
                UserType known = self.apply(userId);
                users.add(known != null ? known : RecordAssembler.build(User.class,
                        Map.of("self", true, "id", userId, "accessHash", 0L, "firstName", "User " + userId)));
            }
        }
        return users;
    }
}
