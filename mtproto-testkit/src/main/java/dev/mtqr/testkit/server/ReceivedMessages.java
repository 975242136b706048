package dev.mtqr.testkit.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * The msg_ids a session received last, with their seqnos and the answers they got, for the checks of
 * core.telegram.org/mtproto/service_messages_about_messages (duplicates, ids too old to verify, seqno order), for
 * {@code msgs_state_req} and for answering a re-sent request from what was answered before. Containers are
 * remembered for the duplicate check only: their seqno follows the messages inside and says nothing about order.
 * Not thread-safe (the session's lock guards it).
 */
final class ReceivedMessages {
    /** {@link #check}: the id was received before (and is not a container); the message is ignored. */
    static final int DUPLICATE = -1;

    /**
     * The content-related answer a received RPC query got.
     *
     * @param msgId the answer's msg_id
     * @param bytes the length of its body
     */
    record Answer(long msgId, int bytes) {
    }

    private static final class Received {
        final int seqNo;
        final boolean container;
        Answer answer;

        Received(int seqNo, boolean container) {
            this.seqNo = seqNo;
            this.container = container;
        }
    }

    private final int capacity;
    private final TreeMap<Long, Received> window = new TreeMap<>();
    private boolean forgotAny;

    ReceivedMessages(int capacity) {
        this.capacity = capacity;
    }

    /**
     * 0 if a message may be accepted, {@link #DUPLICATE}, or the {@link BadMsgCodes} code to refuse it with.
     *
     * @param contentRelated whether the body is content-related (all but acks and containers)
     */
    int check(long msgId, int seqNo, boolean container, boolean contentRelated) {
        if (forgotAny && msgId < window.firstKey()) {
            return BadMsgCodes.MSG_TOO_OLD;
        }
        if (window.containsKey(msgId)) {
            return container ? BadMsgCodes.CONTAINER_ID_REUSED : DUPLICATE;
        }
        boolean odd = (seqNo & 1) == 1;
        if (contentRelated && !odd) {
            return BadMsgCodes.SEQNO_EXPECTED_ODD;
        }
        if (!contentRelated && odd) {
            return BadMsgCodes.SEQNO_EXPECTED_EVEN;
        }
        if (container) {
            return 0;
        }
        Map.Entry<Long, Received> lower = nearest(msgId, false);
        if (lower != null && (lower.getValue().seqNo > seqNo || (lower.getValue().seqNo == seqNo && odd))) {
            return BadMsgCodes.SEQNO_TOO_LOW;
        }
        Map.Entry<Long, Received> higher = nearest(msgId, true);
        if (higher != null && (higher.getValue().seqNo < seqNo || (higher.getValue().seqNo == seqNo && odd))) {
            return BadMsgCodes.SEQNO_TOO_HIGH;
        }
        return 0;
    }

    /** Remembers an accepted message, forgetting the oldest beyond the capacity. */
    void record(long msgId, int seqNo, boolean container) {
        window.put(msgId, new Received(seqNo, container));
        while (window.size() > capacity) {
            window.pollFirstEntry();
            forgotAny = true;
        }
    }

    /** Remembers that the received RPC query {@code reqMsgId} was answered by {@code answer}. */
    void answered(long reqMsgId, Answer answer) {
        Received received = window.get(reqMsgId);
        if (received != null) {
            received.answer = answer;
        }
    }

    /** The answer the received message {@code msgId} got, or null (not answered, or forgotten). */
    Answer answer(long msgId) {
        Received received = window.get(msgId);
        return received == null ? null : received.answer;
    }

    /**
     * The {@code msgs_state_info} byte for {@code msgId} (core.telegram.org/mtproto/service_messages_about_messages
     * #request-for-message-status-information): 1 unknown (too low), 2 not received, 3 not received (too high),
     * 4 received, plus 8 when acknowledged (content-related messages are) or 16 when it needs no acknowledgment;
     * for an RPC query, plus 32 (processing complete: every call is handled at once) and 64 (an answer was made).
     */
    byte state(long msgId) {
        Received received = window.get(msgId);
        if (received != null) {
            int state = 4 | ((received.seqNo & 1) == 1 ? 8 : 16);
            return (byte) (received.answer != null ? state | 32 | 64 : state);
        }
        if (window.isEmpty() || msgId < window.firstKey()) {
            return 1;
        }
        return (byte) (msgId > window.lastKey() ? 3 : 2);
    }

    /** The nearest content message (not a container) below or above {@code msgId}. */
    private Map.Entry<Long, Received> nearest(long msgId, boolean above) {
        Map.Entry<Long, Received> entry = above ? window.higherEntry(msgId) : window.lowerEntry(msgId);
        while (entry != null && entry.getValue().container) {
            entry = above ? window.higherEntry(entry.getKey()) : window.lowerEntry(entry.getKey());
        }
        return entry;
    }
}
