package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.DestroySession;
import dev.mtqr.tl.mtproto.GetFutureSalts;
import dev.mtqr.tl.mtproto.HttpWait;
import dev.mtqr.tl.mtproto.MsgResendReq;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.MsgsStateReq;
import dev.mtqr.tl.mtproto.Ping;
import dev.mtqr.tl.mtproto.PingDelayDisconnect;
import dev.mtqr.tl.mtproto.RpcDropAnswer;
import dev.mtqr.tl.mtproto.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one accepted message by its constructor: the MTProto service messages to their handlers
 * (core.telegram.org/mtproto/service_messages; {@code msgs_ack} lets the session forget what it kept to send again),
 * everything else to {@link RpcCall}.
 */
final class MessageDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private MessageDispatcher() {
    }

    static void dispatch(ServerDc dc, ServerSession session, InnerMessage message) {
        int constructor = message.constructorId();
        try {
            switch (constructor) {
                case MsgsAck.CONSTRUCTOR_ID -> session.acknowledged(read(message, MsgsAck.class).msgIds());
                case Ping.CONSTRUCTOR_ID -> PingHandler.ping(session, message.msgId(), read(message, Ping.class));
                case PingDelayDisconnect.CONSTRUCTOR_ID -> PingHandler.pingDelayDisconnect(session, message.msgId(),
                        read(message, PingDelayDisconnect.class));
                case GetFutureSalts.CONSTRUCTOR_ID -> FutureSaltsHandler.handle(dc, session, message.msgId(),
                        read(message, GetFutureSalts.class));
                case MsgsStateReq.CONSTRUCTOR_ID -> StateRequestHandler.handle(session, message.msgId(),
                        read(message, MsgsStateReq.class));
                case MsgResendReq.CONSTRUCTOR_ID -> ResendRequestHandler.handle(session, message.msgId(),
                        read(message, MsgResendReq.class));
                case DestroySession.CONSTRUCTOR_ID -> DestroySessionHandler.handle(dc, session,
                        read(message, DestroySession.class));
                case RpcDropAnswer.CONSTRUCTOR_ID -> DropAnswerHandler.handle(session, message.msgId());
                case HttpWait.CONSTRUCTOR_ID, Bodies.RPC_RESULT -> LOG.debug("DC {}: ignoring #{}", dc.id(),
                        Integer.toHexString(constructor));
                default -> RpcCall.handle(dc, session, message);
            }
        } catch (TlDecodeException e) {
            LOG.info("DC {}: ignoring an undecodable service message {}: {}", dc.id(), message.msgId(),
                    e.getMessage());
        }
    }

    private static <T extends TlObject> T read(InnerMessage message, Class<T> type) {
        TlObject object = TlReader.of(message.body(), SchemaRegistry.INSTANCE).readObject();
        return type.cast(object);
    }
}
