package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.Pong;

/**
 * The time check on what the server sends (core.telegram.org/mtproto/security_guidelines#checking-msg-id): a msg_id
 * more than 300 s before or 30 s after the server-corrected time is refused as a possible replay, except what the
 * session needs to put its own clock right or what answers one of its open calls (which cannot be a replay: each
 * call is answered once). An answer from further ahead than the window means our clock fell behind (the local clock
 * was set back): the correction is taken from it.
 */
final class TimeWindow {
    private TimeWindow() {
    }

    static boolean accepts(ClientSession session, InnerMessage message) {
        long age = session.msgIds.serverSeconds() - MessageIdClock.seconds(message.msgId());
        if (age <= ClientSession.PAST_WINDOW && age >= -ClientSession.FUTURE_WINDOW) {
            return true;
        }
        int constructor = message.constructorId();
        if (constructor == BadMsgNotification.CONSTRUCTOR_ID) {
            int code = MessageDispatcher.read(message.body(), BadMsgNotification.class).errorCode();
            return code == 16 || code == 17;
        }
        if (settlesOpenCall(session, message)) {
            if (age < -ClientSession.FUTURE_WINDOW && constructor != BadServerSalt.CONSTRUCTOR_ID) {
                session.msgIds.syncWith(message.msgId());
            }
            return true;
        }
        return false;
    }

    /**
     * Whether {@code message} answers an open call (rpc_result, pong, future_salts) or refuses a message that carried
     * one (bad_msg_notification, bad_server_salt). Such a message cannot do harm as a replay: it settles its call once,
     * and names a message we sent lately, as the protocol asks a client to check.
     */
    static boolean settlesOpenCall(ClientSession session, InnerMessage message) {
        byte[] body = message.body();
        if (body.length < 12) {
            return false;
        }
        int constructor = message.constructorId();
        boolean answer = constructor == Bodies.RPC_RESULT || constructor == Pong.CONSTRUCTOR_ID
                || constructor == FutureSalts.CONSTRUCTOR_ID;
        if (answer) {
            return session.calls.get(longAt(body, 4)) != null;
        }
        boolean refusal = constructor == BadMsgNotification.CONSTRUCTOR_ID || constructor == BadServerSalt.CONSTRUCTOR_ID;
        return refusal && !session.calls.carriedBy(longAt(body, 4)).isEmpty();
    }

    private static long longAt(byte[] body, int offset) {
        return TlReader.of(body, offset, 8, TlRegistry.EMPTY).readLong();
    }
}
