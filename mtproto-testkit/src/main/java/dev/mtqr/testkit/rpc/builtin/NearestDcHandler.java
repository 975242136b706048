package dev.mtqr.testkit.rpc.builtin;

import dev.mtqr.testkit.rpc.RpcContext;
import dev.mtqr.testkit.rpc.RpcHandler;
import dev.mtqr.tl.api.HelpGetNearestDc;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.NearestDcType;

/** {@code help.getNearestDc}: every client is nearest to the DC it asked, in no particular country ("ZZ"). */
public final class NearestDcHandler implements RpcHandler<HelpGetNearestDc, NearestDcType> {
    @Override
    public NearestDcType handle(HelpGetNearestDc request, RpcContext context) {
        return new NearestDc("ZZ", context.dcId(), context.dcId());
    }
}
