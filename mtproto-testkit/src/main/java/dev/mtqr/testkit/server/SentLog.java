package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.InnerMessage;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content-related messages a session sent and the client has not acknowledged yet
 * (core.telegram.org/mtproto/service_messages_about_messages#acknowledgment-of-receipt), kept to go out again
 * unchanged: on {@code msg_resend_req}, for a re-sent request, and when the client comes back on a new connection
 * ("the server would re-send the missing response at the first opportunity",
 * core.telegram.org/mtproto/service_messages#cancellation-of-an-rpc-query). Bounded: beyond its capacity the oldest
 * is dropped. Not thread-safe (the session's lock guards it).
 */
final class SentLog {
    private final Map<Long, InnerMessage> unacknowledged;

    SentLog(int capacity) {
        this.unacknowledged = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, InnerMessage> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Keeps {@code message} until the client acknowledges it (a message already kept stays where it was). */
    void keep(InnerMessage message) {
        unacknowledged.putIfAbsent(message.msgId(), message);
    }

    /** The kept message {@code msgId}, or null. */
    InnerMessage get(long msgId) {
        return unacknowledged.get(msgId);
    }

    /** Forgets the messages the client acknowledged. */
    void acknowledged(Collection<Long> msgIds) {
        for (long msgId : msgIds) {
            unacknowledged.remove(msgId);
        }
    }

    /** Every kept message, in msg_id order. */
    List<InnerMessage> all() {
        return unacknowledged.values().stream().sorted(Comparator.comparingLong(InnerMessage::msgId)).toList();
    }
}
