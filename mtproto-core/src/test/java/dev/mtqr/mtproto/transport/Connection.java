package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A client pipeline made by {@link ClientTransport} and a server pipeline starting with a {@link TransportDetector},
 * joined by hand: what one side writes is fed to the other as written, byte by byte, or coalesced into one buffer.
 */
final class Connection implements AutoCloseable {
    /** How bytes travel from one channel to the other. */
    enum Delivery { AS_WRITTEN, BYTE_BY_BYTE, COALESCED }

    final EmbeddedChannel client = new EmbeddedChannel();
    final EmbeddedChannel server;
    final Recorder clientRecorder = new Recorder();
    final Recorder serverRecorder = new Recorder();

    Connection(TransportKind kind, boolean obfuscated, int dcId, long seed, int maxPayloadLength) {
        ClientTransport.install(client.pipeline(), kind, obfuscated, dcId, FixedRandom.seeded(seed), maxPayloadLength);
        client.pipeline().addLast(clientRecorder);
        server = new EmbeddedChannel(new TransportDetector(FixedRandom.seeded(~seed), maxPayloadLength),
                serverRecorder);
    }

    Connection(TransportKind kind, boolean obfuscated) {
        this(kind, obfuscated, 2, 42, FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH);
    }

    void clientToServer(Delivery delivery) {
        pipe(client, server, delivery);
    }

    void serverToClient(Delivery delivery) {
        pipe(server, client, delivery);
    }

    /** Writes {@code message} on the client and delivers it to the server. */
    void sendFromClient(Object message, Delivery delivery) {
        client.writeOutbound(message);
        clientToServer(delivery);
    }

    /** Writes {@code message} on the server and delivers it to the client. */
    void sendFromServer(Object message, Delivery delivery) {
        server.writeOutbound(message);
        serverToClient(delivery);
    }

    /** Moves everything {@code from} wrote into {@code to}; what arrives after {@code to} closed is released. */
    static void pipe(EmbeddedChannel from, EmbeddedChannel to, Delivery delivery) {
        List<ByteBuf> chunks = new ArrayList<>();
        for (ByteBuf chunk; (chunk = from.readOutbound()) != null; ) {
            chunks.add(chunk);
        }
        switch (delivery) {
            case AS_WRITTEN -> chunks.forEach(chunk -> feed(to, chunk));
            case BYTE_BY_BYTE -> {
                for (ByteBuf chunk : chunks) {
                    while (chunk.isReadable()) {
                        feed(to, PooledByteBufAllocator.DEFAULT.heapBuffer(1).writeByte(chunk.readByte()));
                    }
                    chunk.release();
                }
            }
            case COALESCED -> {
                int total = chunks.stream().mapToInt(ByteBuf::readableBytes).sum();
                ByteBuf all = PooledByteBufAllocator.DEFAULT.heapBuffer(Math.max(total, 1));
                chunks.forEach(chunk -> {
                    all.writeBytes(chunk);
                    chunk.release();
                });
                feed(to, all);
            }
        }
    }

    /** Writes {@code bytes} into {@code channel}'s inbound side, or releases it when the channel is closed. */
    static void feed(EmbeddedChannel channel, ByteBuf bytes) {
        if (channel.isOpen()) {
            channel.writeInbound(bytes);
        } else {
            bytes.release();
        }
    }

    @Override
    public void close() {
        client.finishAndReleaseAll();
        server.finishAndReleaseAll();
    }
}
