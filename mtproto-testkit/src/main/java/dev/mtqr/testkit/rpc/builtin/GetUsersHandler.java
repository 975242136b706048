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

/**
 * {@code users.getUsers}: {@code 401 AUTH_KEY_UNREGISTERED} while the key is not logged in (GramJS asks for
 * {@code [inputUserSelf]} after {@code updateLoginToken} and hangs without an answer); once it is, the caller itself
 * for {@code inputUserSelf} (a bare user named after its id, until an account service replaces this handler) and
 * nothing for users it does not know.
 */
public final class GetUsersHandler implements RpcHandler<UsersGetUsers, List<UserType>> {
    @Override
    public List<UserType> handle(UsersGetUsers request, RpcContext context) {
        long self = context.requireUser();
        List<UserType> users = new ArrayList<>();
        for (InputUserType input : request.id()) {
            if (input instanceof InputUserSelf) {
                users.add(RecordAssembler.build(User.class,
                        Map.of("self", true, "id", self, "accessHash", 0L, "firstName", "User " + self)));
            }
        }
        return users;
    }
}
