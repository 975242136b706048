package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * How what a session owes is cut into packets (core.telegram.org/mtproto/service_messages#containers): in order, as
 * many messages per {@code msg_container} as Telegram accepts in one ({@value Bodies#MAX_CONTAINER_MESSAGES}) and up to
 * 1 MiB of container body; a message larger than that goes alone.
 */
final class OutgoingPackets {
    /** The most bytes of messages (with their 16-byte headers) one container carries. */
    static final int MAX_CONTAINER_BYTES = 1 << 20;

    private OutgoingPackets() {
    }

    /** {@code messages} in groups, one packet each, in their order. */
    static List<List<InnerMessage>> split(List<InnerMessage> messages) {
        List<List<InnerMessage>> packets = new ArrayList<>();
        List<InnerMessage> current = new ArrayList<>();
        int bytes = 0;
        for (InnerMessage message : messages) {
            int size = 16 + message.body().length;
            if (!current.isEmpty() && (current.size() == Bodies.MAX_CONTAINER_MESSAGES
                    || bytes + size > MAX_CONTAINER_BYTES)) {
                packets.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(message);
            bytes += size;
        }
        if (!current.isEmpty()) {
            packets.add(current);
        }
        return packets;
    }
}
