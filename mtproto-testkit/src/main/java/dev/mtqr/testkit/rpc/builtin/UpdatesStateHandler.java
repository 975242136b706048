package dev.mtqr.testkit.rpc.builtin;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.UpdatesGetState;
import dev.mtqr.tl.api.UpdatesState;
import dev.mtqr.tl.api.UpdatesStateType;

/**
 * {@code updates.getState}: {@code 401 AUTH_KEY_UNREGISTERED} for a key that is not logged in (Telethon asks this to
 * learn whether it is), else an empty state at the current date.
 */
public final class UpdatesStateHandler implements RpcHandler<UpdatesGetState, UpdatesStateType> {
    @Override
    public UpdatesStateType handle(UpdatesGetState request, RpcContext context) {
        context.requireUser();
        return new UpdatesState(1, 0, context.unixTime(), 0, 0);
    }
}
