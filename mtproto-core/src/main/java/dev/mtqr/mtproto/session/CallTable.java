package dev.mtqr.mtproto.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls a session has sent and not yet settled, found by their msg_id or by the packet (container or lone message)
 * that carried their latest copy — a {@code bad_msg_notification} names either — and the {@code msgs_state_req}s in
 * flight with the calls they ask about. Not thread-safe.
 */
final class CallTable {
    /** A state request in flight: the calls it asks about, in order, and the packet that carried it. */
    record StateRequest(List<OutboundCall> asked, long packetId) {
    }

    private final TreeMap<Long, OutboundCall> byMsgId = new TreeMap<>(Long::compareUnsigned);
    private final Map<Long, List<OutboundCall>> byPacket = new HashMap<>();
    private final Map<Long, StateRequest> stateRequests = new HashMap<>();

    /** Records that {@code call}'s latest copy went out in packet {@code packetId}. */
    void sent(OutboundCall call, long packetId) {
        call.packetId = packetId;
        byMsgId.put(call.msgId, call);
        if (packetId != call.msgId) {
            byPacket.computeIfAbsent(packetId, id -> new ArrayList<>()).add(call);
        }
        if (byPacket.size() > 2 * byMsgId.size() + 64) {
            prunePackets();
        }
    }

    /** The open call sent under {@code msgId}, or null. */
    OutboundCall get(long msgId) {
        OutboundCall call = byMsgId.get(msgId);
        if (call != null && call.done()) {
            byMsgId.remove(msgId);
            return null;
        }
        return call;
    }

    /** The open calls {@code msgId} refers to: the call sent under it, or those whose latest copy was in it. */
    List<OutboundCall> carriedBy(long msgId) {
        OutboundCall call = get(msgId);
        if (call != null) {
            return List.of(call);
        }
        List<OutboundCall> carried = byPacket.get(msgId);
        if (carried == null) {
            return List.of();
        }
        return carried.stream().filter(c -> !c.done() && c.packetId == msgId).toList();
    }

    /** Forgets {@code call} (answered, or to go out under a new msg_id). */
    void remove(OutboundCall call) {
        if (call.msgId != 0) {
            byMsgId.remove(call.msgId, call);
        }
    }

    /** Every open call that was sent, in msg_id order. */
    List<OutboundCall> open() {
        List<OutboundCall> open = new ArrayList<>();
        for (Iterator<OutboundCall> it = byMsgId.values().iterator(); it.hasNext(); ) {
            OutboundCall call = it.next();
            if (call.done()) {
                it.remove();
            } else {
                open.add(call);
            }
        }
        return open;
    }

    void stateRequest(long msgId, List<OutboundCall> asked) {
        stateRequests.put(msgId, new StateRequest(List.copyOf(asked), 0));
    }

    void stateRequestPacket(long msgId, long packetId) {
        StateRequest request = stateRequests.get(msgId);
        if (request != null) {
            stateRequests.put(msgId, new StateRequest(request.asked(), packetId));
        }
    }

    /** The state request sent as {@code msgId}, now answered or refused, or null. */
    StateRequest takeStateRequest(long msgId) {
        return stateRequests.remove(msgId);
    }

    /** The state requests sent as {@code msgId} or in packet {@code msgId}, taken out. */
    List<StateRequest> takeStateRequestsCarriedBy(long msgId) {
        List<StateRequest> taken = new ArrayList<>();
        for (Iterator<Map.Entry<Long, StateRequest>> it = stateRequests.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, StateRequest> entry = it.next();
            if (entry.getKey() == msgId || entry.getValue().packetId() == msgId) {
                taken.add(entry.getValue());
                it.remove();
            }
        }
        return taken;
    }

    /** Every state request in flight, taken out (their answers can no longer come). */
    List<StateRequest> takeAllStateRequests() {
        List<StateRequest> all = new ArrayList<>(stateRequests.values());
        stateRequests.clear();
        return all;
    }

    /** Forgets everything. */
    void clear() {
        byMsgId.clear();
        byPacket.clear();
        stateRequests.clear();
    }

    private void prunePackets() {
        byPacket.entrySet().removeIf(e -> e.getValue().stream().noneMatch(c -> !c.done() && c.packetId == e.getKey()));
    }
}
