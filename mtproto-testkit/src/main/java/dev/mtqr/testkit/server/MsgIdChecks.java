package dev.mtqr.testkit.server;

import java.time.Clock;

/**
 * The checks on a client's msg_id alone (core.telegram.org/mtproto/description#message-identifier-msg-id and
 * /mtproto/service_messages_about_messages): divisible by 4, and within 300 s in the past and 30 s in the future
 * of the server's clock.
 */
final class MsgIdChecks {
    private MsgIdChecks() {
    }

    /** 0, or {@link BadMsgCodes#MSG_ID_PARITY}. */
    static int parity(long msgId) {
        return (msgId & 3) == 0 ? 0 : BadMsgCodes.MSG_ID_PARITY;
    }

    /** 0, {@link BadMsgCodes#MSG_ID_PARITY}, {@link BadMsgCodes#MSG_ID_TOO_LOW} or {@link BadMsgCodes#MSG_ID_TOO_HIGH}. */
    static int parityAndTime(long msgId, Clock clock, ServerSettings settings) {
        int parity = parity(msgId);
        if (parity != 0) {
            return parity;
        }
        long nowMillis = clock.millis();
        long sentMillis = (msgId >>> 32) * 1000 + ((msgId & 0xFFFF_FFFFL) * 1000 >>> 32);
        if (sentMillis < nowMillis - settings.maxPast().toMillis()) {
            return BadMsgCodes.MSG_ID_TOO_LOW;
        }
        if (sentMillis > nowMillis + settings.maxFuture().toMillis()) {
            return BadMsgCodes.MSG_ID_TOO_HIGH;
        }
        return 0;
    }
}
