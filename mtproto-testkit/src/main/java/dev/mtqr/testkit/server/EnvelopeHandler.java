package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.mtproto.BadServerSalt;
import dev.mtqr.tl.mtproto.MsgsAck;
import dev.mtqr.tl.mtproto.NewSessionCreated;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a decrypted message, in Telegram's order (core.telegram.org/mtproto/service_messages_about_messages):
 * msg_id parity and time window (18, 16, 17), the server salt ({@code bad_server_salt}), then for the container and
 * each message in it duplicates, age and seqno (19, 20, 32–35; a message received before goes to
 * {@link DuplicateMessageHandler}, never to its handler again). The first accepted packet of a session gets
 * {@code new_session_created}, whose first_msg_id follows {@link ServerSettings#firstMsgId}; each accepted
 * content-related message is acknowledged and handed to {@link MessageDispatcher}. Runs under the session's lock.
 */
final class EnvelopeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeHandler.class);

    private EnvelopeHandler() {
    }

    static void handle(ServerDc dc, ServerSession session, Envelope envelope) {
        InnerMessage outer = new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body());
        int code = MsgIdChecks.parityAndTime(outer.msgId(), dc.clock(), dc.settings());
        if (code != 0) {
            session.refuse(outer, code);
            return;
        }
        if (!dc.salts().accepts(envelope.salt()) && !dc.keys().acceptsFirstSalt(session.key().id(), envelope.salt())) {
            session.enqueue(new BadServerSalt(outer.msgId(), outer.seqNo(), BadMsgCodes.BAD_SERVER_SALT,
                    dc.salts().current()), true, false);
            return;
        }
        byte[] body;
        try {
            body = Bodies.inflateIfPacked(outer.body());
        } catch (TlDecodeException e) {
            LOG.info("DC {}: ignoring message {}: {}", dc.id(), outer.msgId(), e.getMessage());
            return;
        }
        if (Bodies.constructorId(body) != Bodies.MSG_CONTAINER) {
            InnerMessage message = new InnerMessage(outer.msgId(), outer.seqNo(), body);
            announce(dc, session, message.msgId());
            accept(dc, session, message, false);
            return;
        }
        List<InnerMessage> messages = openContainer(session, outer, body);
        if (messages == null) {
            return;
        }
        long first = messages.stream().mapToLong(InnerMessage::msgId).min().orElse(outer.msgId());
        announce(dc, session, dc.settings().firstMsgId() == FirstMsgId.CONTAINER ? outer.msgId()
                : Math.min(first, outer.msgId()));
        for (InnerMessage message : messages) {
            accept(dc, session, message, true);
        }
    }

    /** The container's messages, or null if it was refused. */
    private static List<InnerMessage> openContainer(ServerSession session, InnerMessage outer, byte[] body) {
        int code = session.received().check(outer.msgId(), outer.seqNo(), true, false);
        if (code != 0) {
            session.refuse(outer, code);
            return null;
        }
        List<InnerMessage> messages;
        try {
            messages = Bodies.unpackContainer(body);
        } catch (TlDecodeException e) {
            session.refuse(outer, BadMsgCodes.INVALID_CONTAINER);
            return null;
        }
        if (messages.stream().anyMatch(m -> m.constructorId() == Bodies.MSG_CONTAINER)) {
            session.refuse(outer, BadMsgCodes.INVALID_CONTAINER);
            return null;
        }
        session.received().record(outer.msgId(), outer.seqNo(), true);
        return messages;
    }

    private static void announce(ServerDc dc, ServerSession session, long firstMsgId) {
        if (session.announce()) {
            session.enqueue(new NewSessionCreated(firstMsgId, dc.randomLong(), dc.salts().current()), false, true);
        }
    }

    private static void accept(ServerDc dc, ServerSession session, InnerMessage message, boolean inContainer) {
        int code = MsgIdChecks.parity(message.msgId());
        byte[] body = message.body();
        if (code == 0 && inContainer) {
            try {
                body = Bodies.inflateIfPacked(body);
            } catch (TlDecodeException e) {
                LOG.info("DC {}: ignoring message {}: {}", dc.id(), message.msgId(), e.getMessage());
                return;
            }
        }
        int constructor = Bodies.constructorId(body);
        boolean contentRelated = constructor != MsgsAck.CONSTRUCTOR_ID && constructor != Bodies.MSG_CONTAINER;
        if (code == 0) {
            code = session.received().check(message.msgId(), message.seqNo(), false, contentRelated);
        }
        if (code == ReceivedMessages.DUPLICATE) {
            LOG.debug("DC {}: message {} was received before", dc.id(), message.msgId());
            if (contentRelated) {
                DuplicateMessageHandler.handle(session, message);
            }
            return;
        }
        if (code != 0) {
            session.refuse(message, code);
            return;
        }
        session.received().record(message.msgId(), message.seqNo(), false);
        if (contentRelated) {
            session.ack(message.msgId());
        }
        MessageDispatcher.dispatch(dc, session, new InnerMessage(message.msgId(), message.seqNo(), body));
    }
}
