package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.tl.mtproto.MsgsAck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a session has to send, in order, and how it becomes packets (core.telegram.org/mtproto/description,
 * /service_messages#containers): acknowledgments first, then the queued items — a call under a new msg_id, a copy of
 * one under its original msg_id and seqno, or a service message — as many as a {@code msg_container} takes (1,020
 * messages, 1 MiB). A lone message goes out as is, unless it is a copy: a message sent again travels in a container,
 * under a new outer msg_id. Each call learns the packet that carried it. Not thread-safe.
 */
final class Outbox {
    private static final int MAX_ACKS = 8192;
    private static final int MAX_CONTAINER_BYTES = 1 << 20;

    /** Something queued to go out. */
    sealed interface Item permits Fresh, Copy, Service {
    }

    /** A call to go out under a new msg_id. */
    record Fresh(OutboundCall call) implements Item {
    }

    /** A call to go out again under its original msg_id and seqno. */
    record Copy(OutboundCall call) implements Item {
    }

    /** A content-related service message; {@code asked} are the calls a {@code msgs_state_req} asks about, or null. */
    record Service(byte[] body, List<OutboundCall> asked) implements Item {
    }

    private final ArrayDeque<Long> acks = new ArrayDeque<>();
    private final ArrayDeque<Item> items = new ArrayDeque<>();

    void add(Item item) {
        items.addLast(item);
    }

    void ack(long msgId) {
        acks.addLast(msgId);
    }

    void clearAcks() {
        acks.clear();
    }

    boolean isEmpty() {
        return items.isEmpty() && acks.isEmpty();
    }

    boolean onlyAcks() {
        return items.isEmpty() && !acks.isEmpty();
    }

    /** Puts {@code first} before what is queued, keeping only the queued calls for which {@code keep} holds. */
    void restart(Collection<Item> first, Predicate<Item> keep) {
        List<Item> next = new ArrayList<>(first);
        for (Item item : items) {
            if (keep.test(item)) {
                next.add(item);
            }
        }
        items.clear();
        items.addAll(next);
    }

    /** Drops the queued items {@code drop} picks. */
    void removeIf(Predicate<Item> drop) {
        items.removeIf(drop);
    }

    /** Gives each call queued to go out under a new msg_id to {@code each}. */
    void forEachFresh(Consumer<OutboundCall> each) {
        for (Item item : items) {
            if (item instanceof Fresh fresh) {
                each.accept(fresh.call());
            }
        }
    }

    void clear() {
        items.clear();
        acks.clear();
    }

    /** The packets for everything queued, encrypted for {@code session}. */
    List<byte[]> drain(ClientSession session) {
        List<byte[]> packets = new ArrayList<>();
        while (!isEmpty()) {
            List<InnerMessage> batch = new ArrayList<>();
            List<OutboundCall> carried = new ArrayList<>();
            List<Long> stateRequests = new ArrayList<>();
            int bytes = 0;
            if (!acks.isEmpty()) {
                List<Long> ids = new ArrayList<>();
                while (!acks.isEmpty() && ids.size() < MAX_ACKS) {
                    ids.add(acks.removeFirst());
                }
                byte[] ack = new MsgsAck(ids).toByteArray();
                batch.add(new InnerMessage(session.msgIds.next(), session.seqNos.next(false), ack));
                bytes += ack.length;
            }
            while (!items.isEmpty() && batch.size() < Bodies.MAX_CONTAINER_MESSAGES
                    && (batch.isEmpty() || bytes + size(items.peekFirst()) < MAX_CONTAINER_BYTES)) {
                InnerMessage message = take(session, items.removeFirst(), carried, stateRequests);
                if (message != null) {
                    batch.add(message);
                    bytes += message.body().length;
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            packets.add(pack(session, batch, carried, stateRequests));
        }
        return packets;
    }

    private static byte[] pack(ClientSession session, List<InnerMessage> batch, List<OutboundCall> carried,
            List<Long> stateRequests) {
        long packetId;
        Envelope envelope;
        boolean copyInside = carried.stream().anyMatch(call -> call.copies > 1);
        if (batch.size() == 1 && !copyInside) {
            InnerMessage only = batch.get(0);
            packetId = only.msgId();
            envelope = new Envelope(session.salt(), session.sessionId(), only.msgId(), only.seqNo(), only.body());
        } else {
            packetId = session.msgIds.next();
            envelope = new Envelope(session.salt(), session.sessionId(), packetId, session.seqNos.next(false),
                    Bodies.packContainer(batch));
        }
        for (OutboundCall call : carried) {
            session.calls.sent(call, packetId);
        }
        for (long id : stateRequests) {
            session.calls.stateRequestPacket(id, packetId);
        }
        return envelope.encrypt(session.key, MessageCrypto.CLIENT, session.random);
    }

    private static int size(Item item) {
        if (item instanceof Fresh fresh) {
            return fresh.call().body.length;
        }
        if (item instanceof Copy copy) {
            return copy.call().body.length;
        }
        return ((Service) item).body().length;
    }

    /** The message for one queued item, or null if it no longer needs to go. */
    private static InnerMessage take(ClientSession session, Item item, List<OutboundCall> carried,
            List<Long> stateRequests) {
        if (item instanceof Fresh fresh) {
            OutboundCall call = fresh.call();
            if (call.done() || call.delivery != OutboundCall.Delivery.QUEUED) {
                return null;
            }
            call.msgId = session.msgIds.next();
            call.seqNo = session.seqNos.next(true);
            call.copies = 1;
            call.delivery = OutboundCall.Delivery.SENT;
            call.sessionId = session.sessionId();
            call.firstConnection = session.connection();
            carried.add(call);
            return new InnerMessage(call.msgId, call.seqNo, call.body);
        }
        if (item instanceof Copy copy) {
            OutboundCall call = copy.call();
            if (call.done() || call.retiring || call.delivery == OutboundCall.Delivery.QUEUED) {
                return null;
            }
            call.copies++;
            session.stats.resentCopies.incrementAndGet();
            carried.add(call);
            return new InnerMessage(call.msgId, call.seqNo, call.body);
        }
        Service service = (Service) item;
        if (service.asked() != null && service.asked().stream().allMatch(OutboundCall::done)) {
            return null;
        }
        long id = session.msgIds.next();
        if (service.asked() != null) {
            session.calls.stateRequest(id, service.asked());
            stateRequests.add(id);
        }
        return new InnerMessage(id, session.seqNos.next(true), service.body());
    }
}
