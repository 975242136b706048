package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mtqr.mtproto.session.InnerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentLogTest {
    private static InnerMessage message(long msgId) {
        return new InnerMessage(msgId, 1, new byte[] {1, 2, 3, 4});
    }

    @Test
    void keepsMessagesUntilAcknowledgedAndListsThemInMsgIdOrder() {
        SentLog log = new SentLog(8);
        log.keep(message(13));
        log.keep(message(5));
        log.keep(message(9));
        log.acknowledged(List.of(9L, 77L));
        assertEquals(List.of(message(5), message(13)), log.all());
        assertNull(log.get(9));
    }

    @Test
    void dropsTheOldestBeyondItsCapacity() {
        SentLog log = new SentLog(2);
        log.keep(message(5));
        log.keep(message(9));
        log.keep(message(13));
        assertEquals(List.of(message(9), message(13)), log.all());
    }
}
