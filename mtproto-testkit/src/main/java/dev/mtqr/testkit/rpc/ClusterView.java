package dev.mtqr.testkit.rpc;

import java.util.List;
import java.util.NoSuchElementException;

/** What an RPC handler may see of the whole cluster: the DCs and their live sessions. */
public interface ClusterView {
    /** Every DC, in id order. */
    List<DcEndpoint> dcs();

    /** The sessions DC {@code dcId} knows now (of every key, connected or not). */
    List<SessionHandle> sessions(int dcId);

    /** The DC with id {@code dcId}. */
    default DcEndpoint endpoint(int dcId) {
        return dcs().stream().filter(dc -> dc.id() == dcId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no DC " + dcId + " in " + dcs()));
    }
}
