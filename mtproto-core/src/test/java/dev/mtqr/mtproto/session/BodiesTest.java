package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlWriter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BodiesTest {
    @Property(tries = 200)
    void containersRoundTrip(@ForAll @Size(max = 5) List<@Size(max = 64) List<Integer>> bodies) {
        List<InnerMessage> messages = new java.util.ArrayList<>();
        long id = 4;
        for (List<Integer> words : bodies) {
            byte[] body = new byte[4 * words.size()];
            TlWriter w = TlWriter.wrap(body);
            words.forEach(w::writeInt);
            messages.add(new InnerMessage(id += 4, (int) id % 7, body));
        }
        assertEquals(messages, Bodies.unpackContainer(Bodies.packContainer(messages)));
    }

    @Test
    void refusesAContainerWhoseMessageClaimsMoreThanRemains() {
        byte[] container = Bodies.packContainer(List.of(new InnerMessage(4, 1, new byte[8])));
        container[20] = 64;
        TlDecodeException e = assertThrows(TlDecodeException.class, () -> Bodies.unpackContainer(container));
        assertTrue(e.getMessage().contains("claims 64 bytes"), e.getMessage());
    }

    @Property(tries = 100)
    void gzipRoundTrips(@ForAll @Size(max = 4096) byte[] body) {
        assertArrayEquals(body, Bodies.unpackGzip(Bodies.packGzip(body)));
    }

    @Test
    void refusesABombThatInflatesPastTheLimit() {
        byte[] bomb = Bodies.packGzip(new byte[Bodies.MAX_INFLATED + 1]);
        assertTrue(bomb.length < 100_000);
        assertThrows(TlDecodeException.class, () -> Bodies.unpackGzip(bomb));
    }

    @Test
    void refusesGarbageInsideGzipPacked() {
        byte[] body = new byte[12];
        TlWriter w = TlWriter.wrap(body);
        w.writeInt(Bodies.GZIP_PACKED);
        w.writeBytes(new byte[] {1, 2, 3});
        assertThrows(TlDecodeException.class, () -> Bodies.unpackGzip(body));
    }

    @Test
    void splitsAnRpcResult() {
        byte[] packed = Bodies.packRpcResult(44, new byte[] {1, 2, 3, 4});
        Bodies.RpcResultBody result = Bodies.unpackRpcResult(packed);
        assertEquals(44, result.reqMsgId());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, result.result());
    }
}
