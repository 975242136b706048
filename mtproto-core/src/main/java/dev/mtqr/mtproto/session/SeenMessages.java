package dev.mtqr.mtproto.session;

import java.util.TreeSet;

/**
 * The msg_ids received lately in one session, to ignore replays (core.telegram.org/mtproto/security_guidelines): a
 * bounded set that forgets its lowest ids first; an id at or below the highest one forgotten is treated as seen. (Ids
 * are compared as unsigned: they are times, and keep their order past 2038.)
 */
final class SeenMessages {
    private final int capacity;
    private final TreeSet<Long> ids = new TreeSet<>(Long::compareUnsigned);
    private long forgottenBelow;
    private boolean forgotAny;

    SeenMessages(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code msgId}; false if it was seen before or is no newer than what was forgotten. */
    boolean add(long msgId) {
        if ((forgotAny && Long.compareUnsigned(msgId, forgottenBelow) <= 0) || !ids.add(msgId)) {
            return false;
        }
        if (ids.size() > capacity) {
            forgottenBelow = ids.pollFirst();
            forgotAny = true;
        }
        return true;
    }

    boolean contains(long msgId) {
        return ids.contains(msgId);
    }
}
