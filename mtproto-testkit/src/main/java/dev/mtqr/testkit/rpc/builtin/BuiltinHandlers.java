package dev.mtqr.testkit.rpc.builtin;

import dev.mtqr.testkit.rpc.RpcHandlers;
import dev.mtqr.tl.api.HelpGetConfig;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.UpdatesGetState;
import dev.mtqr.tl.api.UsersGetUsers;

/** The methods every test cluster serves before a test adds its own. */
public final class BuiltinHandlers {
    private BuiltinHandlers() {
    }

    /** Adds {@code help.getConfig}, {@code help.getNearestDc}, {@code users.getUsers} and {@code updates.getState}. */
    public static RpcHandlers install(RpcHandlers handlers) {
        return handlers.on(HelpGetConfig.class, new ConfigHandler())
                .on(HelpGetNearestDc.class, new NearestDcHandler())
                .on(UsersGetUsers.class, new GetUsersHandler())
                .on(UpdatesGetState.class, new UpdatesStateHandler());
    }
}
