package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReceivedMessagesTest {
    /**
     * A well-behaved client: increasing msg_ids, seqno 2n+1 for its n-th content-related message and 2n for the
     * others, containers after their messages. Nothing of it is refused, whatever the mix.
     */
    @Property(tries = 200)
    void aWellBehavedSessionIsNeverRefused(@ForAll @Size(max = 60) List<Boolean> contentRelated) {
        ReceivedMessages received = new ReceivedMessages(1024);
        long msgId = 1L << 40;
        int content = 0;
        for (boolean related : contentRelated) {
            msgId += 4;
            int seqNo = related ? 2 * content++ + 1 : 2 * content;
            assertEquals(0, received.check(msgId, seqNo, false, related));
            received.record(msgId, seqNo, false);
            if (msgId % 3 == 0) {
                msgId += 4;
                assertEquals(0, received.check(msgId, 2 * content, true, false), "a container");
                received.record(msgId, 2 * content, true);
            }
        }
    }

    @Test
    void containersDoNotTakePartInTheSeqnoOrder() {
        ReceivedMessages received = new ReceivedMessages(16);
        received.record(100, 6, true);
        assertEquals(0, received.check(96, 1, false, true), "a lower id with a lower seqno than a container");
        assertEquals(0, received.check(104, 1, false, true));
    }

    @Test
    void remembersTheAnswerToAQueryAsLongAsTheQuery() {
        ReceivedMessages received = new ReceivedMessages(2);
        received.record(8, 1, false);
        received.answered(8, new ReceivedMessages.Answer(101, 40));
        assertEquals(new ReceivedMessages.Answer(101, 40), received.answer(8));
        assertEquals(4 + 8 + 32 + 64, received.state(8), "received, acknowledged, processed, answered");
        received.record(12, 3, false);
        received.record(16, 5, false);
        assertNull(received.answer(8));
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        ReceivedMessages received = new ReceivedMessages(2);
        received.record(8, 1, false);
        assertEquals(0, received.check(4, 0, false, false), "nothing forgotten yet: a lower id can be verified");
        received.record(12, 3, false);
        received.record(16, 5, false);
        assertEquals(BadMsgCodes.MSG_TOO_OLD, received.check(4, 7, false, true));
        assertEquals(1, received.state(8), "forgotten");
        assertEquals(4 + 8, received.state(12));
    }
}
