package dev.mtqr.mtproto.session;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.BadMsgNotification;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.DestroySessionNone;
import dev.mtqr.tl.mtproto.DestroySessionOk;
import dev.mtqr.tl.mtproto.FutureSalts;
import dev.mtqr.tl.mtproto.MsgDetailedInfo;
import dev.mtqr.tl.mtproto.MsgNewDetailedInfo;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsAllInfo;
import dev.mtqr.tl.mtproto.MsgsStateInfo;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import dev.mtqr.tl.mtproto.Pong;
import dev.mtqr.tl.mtproto.SchemaRegistry;

/**
 * What happens to a decrypted message, in order: msg_id parity (1 or 3 mod 4), {@code gzip_packed} opened once (a
 * gzip within is refused), {@code msg_container} opened at the outer level only, the time window
 * ({@link TimeWindow}), replays (a message seen before is acknowledged again and ignored, unless it settles an open
 * call: the server's clock may have gone back below what the replay check remembers), the acknowledgment of
 * content-related messages, then the handler for the service message, or the updates listener for anything else
 * (core.telegram.org/mtproto/service_messages). Mirrors the test server's {@code EnvelopeHandler} and
 * {@code MessageDispatcher}.
 */
final class MessageDispatcher {
    private MessageDispatcher() {
    }

    /**
     * @param current whether the message came in the current session (not one just replaced)
     * @param seen    the msg_ids received in the message's session, for the replay check
     */
    static void handle(ClientSession session, InnerMessage message, boolean outer, boolean current,
            SeenMessages seen) {
        long msgId = message.msgId();
        int remainder = (int) (msgId & 3);
        if (remainder != 1 && remainder != 3) {
            session.stats.badMsgIds.incrementAndGet();
            return;
        }
        byte[] body = message.body();
        if (Bodies.constructorId(body) == Bodies.GZIP_PACKED) {
            body = Bodies.unpackGzip(body);
        }
        if (Bodies.constructorId(body) == Bodies.MSG_CONTAINER) {
            if (!outer) {
                throw new TlDecodeException("a container inside a container");
            }
            for (InnerMessage inner : Bodies.unpackContainer(body)) {
                try {
                    handle(session, inner, false, current, seen);
                } catch (RuntimeException e) {
                    session.stats.undecodable.incrementAndGet();
                }
            }
            return;
        }
        InnerMessage unpacked = body == message.body() ? message : new InnerMessage(msgId, message.seqNo(), body);
        if (!TimeWindow.accepts(session, unpacked)) {
            session.stats.outsideWindow.incrementAndGet();
            return;
        }
        boolean fresh = seen.add(msgId);
        if (!fresh && !TimeWindow.settlesOpenCall(session, unpacked)) {
            session.stats.duplicates.incrementAndGet();
            if (unpacked.contentRelated()) {
                session.ack(msgId);
            }
            return;
        }
        if (unpacked.contentRelated()) {
            session.ack(msgId);
        }
        dispatch(session, unpacked, current);
    }

    private static void dispatch(ClientSession session, InnerMessage message, boolean current) {
        byte[] body = message.body();
        switch (message.constructorId()) {
            case Bodies.RPC_RESULT -> RpcResultHandler.handle(session, body);
            case NewSessionCreated.CONSTRUCTOR_ID -> {
                if (current) {
                    NewSessionHandler.handle(session, read(body, NewSessionCreated.class));
                }
            }
            case BadServerSalt.CONSTRUCTOR_ID -> BadServerSaltHandler.handle(session, read(body, BadServerSalt.class));
            case BadMsgNotification.CONSTRUCTOR_ID -> BadMsgHandler.handle(session,
                    read(body, BadMsgNotification.class), message.msgId(), current);
            case MsgsAck.CONSTRUCTOR_ID -> AckHandler.handle(session, read(body, MsgsAck.class));
            case Pong.CONSTRUCTOR_ID -> AnswerHandler.handle(session, read(body, Pong.class).msgId(), body);
            case FutureSalts.CONSTRUCTOR_ID -> AnswerHandler.handle(session, read(body, FutureSalts.class).reqMsgId(),
                    body);
            case MsgsStateReq.CONSTRUCTOR_ID -> StateRequestHandler.handle(session, message.msgId(),
                    read(body, MsgsStateReq.class));
            case MsgResendReq.CONSTRUCTOR_ID -> ResendRequestHandler.handle(session, message.msgId(),
                    read(body, MsgResendReq.class));
            case MsgsStateInfo.CONSTRUCTOR_ID -> StateInfoHandler.handle(session, read(body, MsgsStateInfo.class));
            case MsgDetailedInfo.CONSTRUCTOR_ID -> DetailedInfoHandler.handle(session, read(body, MsgDetailedInfo.class));
            case MsgNewDetailedInfo.CONSTRUCTOR_ID -> DetailedInfoHandler.handle(session,
                    read(body, MsgNewDetailedInfo.class));
            case MsgsAllInfo.CONSTRUCTOR_ID, DestroySessionOk.CONSTRUCTOR_ID, DestroySessionNone.CONSTRUCTOR_ID -> {
                // informative only
            }
            default -> session.events.update(session.decode(body));
        }
    }

    /** A service message of {@code type}, decoded to its end. */
    static <T extends TlObject> T read(byte[] body, Class<T> type) {
        TlReader in = TlReader.of(body, SchemaRegistry.INSTANCE);
        TlObject value = in.readObject();
        in.expectEnd();
        if (!type.isInstance(value)) {
            throw new TlDecodeException("expected " + type.getSimpleName() + ", found " + value.tlName());
        }
        return type.cast(value);
    }
}
