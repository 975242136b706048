package dev.mtqr.mtproto.session;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The msg_ids received recently, to ignore replays (core.telegram.org/mtproto/security_guidelines): a bounded
 * set; an id older than every id the set still remembers is treated as seen.
 */
final class SeenMessages {
    private final int capacity;
    private final Set<Long> ids = new HashSet<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();
    private long forgottenBelow = Long.MIN_VALUE;

    SeenMessages(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code msgId}; false if it was seen before or is older than what is remembered. */
    boolean add(long msgId) {
        if (msgId <= forgottenBelow || !ids.add(msgId)) {
            return false;
        }
        order.addLast(msgId);
        if (order.size() > capacity) {
            long oldest = order.removeFirst();
            ids.remove(oldest);
            forgottenBelow = Math.max(forgottenBelow, oldest);
        }
        return true;
    }

    boolean contains(long msgId) {
        return ids.contains(msgId);
    }
}
