package dev.mtqr.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.InnerMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingPacketsTest {
    private static List<InnerMessage> messages(int count, int bytes) {
        List<InnerMessage> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new InnerMessage(4L * i + 1, 2 * i + 1, new byte[bytes]));
        }
        return out;
    }

    @Test
    void putsAtMostAContainersWorthOfMessagesInOnePacket() {
        List<InnerMessage> owed = messages(2 * Bodies.MAX_CONTAINER_MESSAGES + 1, 8);
        List<List<InnerMessage>> packets = OutgoingPackets.split(owed);
        assertEquals(List.of(Bodies.MAX_CONTAINER_MESSAGES, Bodies.MAX_CONTAINER_MESSAGES, 1),
                packets.stream().map(List::size).toList());
        assertEquals(owed, packets.stream().flatMap(List::stream).toList(), "in their order");
    }

    @Test
    void startsANewPacketBeforeAContainerWouldPassOneMebibyte() {
        List<List<InnerMessage>> packets = OutgoingPackets.split(messages(3, 400_000));
        assertEquals(List.of(2, 1), packets.stream().map(List::size).toList());
    }

    @Test
    void sendsAMessageLargerThanAContainerAlone() {
        List<InnerMessage> owed = new ArrayList<>(messages(1, 8));
        owed.add(new InnerMessage(101, 3, new byte[OutgoingPackets.MAX_CONTAINER_BYTES + 4]));
        assertEquals(List.of(1, 1), OutgoingPackets.split(owed).stream().map(List::size).toList());
    }
}
