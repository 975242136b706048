package dev.mtqr.mtproto.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtqr.mtproto.time.VirtualScheduler;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.api.NearestDc;
import dev.mtqr.tl.api.SchemaRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** A {@link ClientSession} on a virtual clock, its {@link ScriptedServer}, and helpers to read what it sends. */
final class SessionFixture {
    static final NearestDc NEAREST = new NearestDc("XX", 2, 2);
    static final TlRegistry REGISTRY = TlRegistry.of(dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE,
            SchemaRegistry.INSTANCE);

    final VirtualScheduler time = new VirtualScheduler(Instant.ofEpochSecond(1_700_000_000L));
    final ScriptedServer server = new ScriptedServer(1, time.clock());
    final List<TlObject> updates = new ArrayList<>();
    int renewals;
    final ClientSession session = new ClientSession(server.key, 777L, 0, new Random(2)::nextBytes, time.clock(),
            REGISTRY, new ClientSession.Events() {
                @Override
                public void update(TlObject update) {
                    updates.add(update);
                }

                @Override
                public void renewed() {
                    renewals++;
                }
            });

    Clock clock() {
        return time.clock();
    }

    /** Queues {@code method}; the future completes with its outcome. */
    CompletableFuture<Object> call(TlMethod<?> method) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        session.enqueue(callOf(method, future));
        return future;
    }

    static OutboundCall callOf(TlMethod<?> method, CompletableFuture<Object> future) {
        return OutboundCall.of(method, new OutboundCall.Outcome() {
            @Override
            public void succeeded(Object value) {
                future.complete(value);
            }

            @Override
            public void failed(Throwable error) {
                future.completeExceptionally(error);
            }
        });
    }

    /** The one message of the one packet drained now. */
    InnerMessage onlyMessage() {
        List<byte[]> packets = session.drain();
        assertEquals(1, packets.size());
        List<InnerMessage> messages = server.open(packets.get(0));
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    /** The messages of {@code packets} that are not service messages (acks, state requests, ...). */
    List<InnerMessage> calls(List<byte[]> packets) {
        List<InnerMessage> out = new ArrayList<>();
        for (byte[] packet : packets) {
            for (InnerMessage message : server.open(packet)) {
                int id = message.constructorId();
                if (id != dev.mtqr.tl.mtproto.MsgsAck.CONSTRUCTOR_ID && id != dev.mtqr.tl.mtproto.MsgsStateReq.CONSTRUCTOR_ID
                        && id != dev.mtqr.tl.mtproto.MsgsStateInfo.CONSTRUCTOR_ID
                        && id != dev.mtqr.tl.mtproto.MsgResendReq.CONSTRUCTOR_ID) {
                    out.add(message);
                }
            }
        }
        return out;
    }

    /** The service messages of {@code type} in {@code packets}. */
    <T extends TlObject> List<T> sent(List<byte[]> packets, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (byte[] packet : packets) {
            for (InnerMessage message : server.open(packet)) {
                try {
                    TlObject object = TlReader.of(message.body(), REGISTRY).readObject();
                    if (type.isInstance(object)) {
                        out.add(type.cast(object));
                    }
                } catch (dev.mtqr.tl.TlDecodeException e) {
                    // a call: not a service message
                }
            }
        }
        return out;
    }
}
