package dev.mtqr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.crypto.RsaPublicKey;
import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.ClientStep;
import dev.mtqr.mtproto.session.Bodies;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.mtproto.session.MessageIdClock;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.mtproto.session.SeqNos;
import dev.mtqr.mtproto.transport.ClientTransport;
import dev.mtqr.mtproto.transport.QuickAckRequest;
import dev.mtqr.mtproto.transport.TransportKind;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare MTProto client over real TCP for cluster tests: the transport codecs of mtproto-core, the key exchange of
 * {@link ClientHandshake}, and encrypted messages written by hand. What arrives (payloads as bytes, quick acks,
 * transport errors, the close) is queued for the test to take.
 */
final class TcpClient implements AutoCloseable {
    /** The channel closed. */
    static final Object CLOSED = new Object() {
        @Override
        public String toString() {
            return "CLOSED";
        }
    };

    final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    final RandomSource random = RandomSource.secure();
    MessageIdClock ids;
    SeqNos seqNos = new SeqNos();
    long sessionId = new java.util.Random().nextLong();
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel channel;
    private final Clock clock;
    AuthKey key;
    long salt;

    TcpClient(InetSocketAddress address, TransportKind kind, boolean obfuscated, int dcId, Clock clock) {
        this.clock = clock;
        this.ids = MessageIdClock.client(clock);
        this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ClientTransport.install(ch.pipeline(), kind, obfuscated, dcId, random);
                        ch.pipeline().addLast(new Collector());
                    }
                })
                .connect(address).syncUninterruptibly().channel();
    }

    static TcpClient connect(TestDc dc) {
        return new TcpClient(dc.address(), TransportKind.INTERMEDIATE, false, dc.id(), Clock.systemUTC());
    }

    /** A new connection to {@code dc} that carries on {@code previous}'s session: its key, salt, msg_ids and seqnos. */
    static TcpClient resume(TestDc dc, TcpClient previous) {
        TcpClient next = connect(dc);
        next.key = previous.key;
        next.salt = previous.salt;
        next.sessionId = previous.sessionId;
        next.ids = previous.ids;
        next.seqNos = previous.seqNos;
        return next;
    }

    private final class Collector extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                inbox.add(msg instanceof ByteBuf buf ? ByteBufUtil.getBytes(buf) : msg);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            inbox.add(cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inbox.add(CLOSED);
        }
    }

    void write(byte[] packet) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(packet)).syncUninterruptibly();
    }

    void writeWithQuickAck(byte[] packet) {
        channel.writeAndFlush(new QuickAckRequest(Unpooled.wrappedBuffer(packet))).syncUninterruptibly();
    }

    /** The next thing that arrived, within {@code timeout}. */
    Object next(Duration timeout) {
        try {
            Object next = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("nothing arrived within " + timeout);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    byte[] nextPacket() {
        Object next = next(Duration.ofSeconds(10));
        if (next instanceof byte[] packet) {
            return packet;
        }
        throw new AssertionError("expected a packet, got " + next);
    }

    /** Makes a permanent key with DC {@code dcId}. */
    TcpClient handshake(RsaPublicKey serverKey, int dcId) {
        ClientHandshake handshake = new ClientHandshake(ClientOptions.permanent(List.of(serverKey), dcId), random,
                clock);
        ClientStep step = new ClientStep.Send(handshake.start());
        while (step instanceof ClientStep.Send send) {
            write(new PlainMessage(ids.next(), send.request().toByteArray()).encode());
            PlainMessage answer = PlainMessage.decode(nextPacket());
            step = handshake.onAnswer(TlReader.of(answer.body(), dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE)
                    .readObject());
        }
        key = ((ClientStep.Done) step).result().authKey();
        salt = ((ClientStep.Done) step).result().serverSalt();
        return this;
    }

    /** Sends {@code body} as a content-related message; returns its msg_id. */
    long send(TlObject body) {
        long msgId = ids.next();
        write(encrypt(msgId, seqNos.next(true), body.toByteArray()));
        return msgId;
    }

    byte[] encrypt(long msgId, int seqNo, byte[] body) {
        return new Envelope(salt, sessionId, msgId, seqNo, body).encrypt(key, MessageCrypto.CLIENT, random);
    }

    /** The messages of the next encrypted packet, containers opened. */
    List<InnerMessage> receive() {
        Envelope envelope = Envelope.decrypt(key, nextPacket(), MessageCrypto.SERVER);
        assertEquals(sessionId, envelope.sessionId());
        InnerMessage outer = new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body());
        return outer.constructorId() == Bodies.MSG_CONTAINER ? Bodies.unpackContainer(envelope.body())
                : new ArrayList<>(List.of(outer));
    }

    /** Reads packets until the rpc_result for {@code reqMsgId} arrives; returns its result decoded. */
    TlObject result(long reqMsgId, TlRegistry registry) {
        for (int packets = 0; packets < 10; packets++) {
            for (InnerMessage message : receive()) {
                if (message.constructorId() == Bodies.RPC_RESULT) {
                    Bodies.RpcResultBody result = Bodies.unpackRpcResult(message.body());
                    if (result.reqMsgId() == reqMsgId) {
                        return TlReader.of(Bodies.inflateIfPacked(result.result()),
                                TlRegistry.of(dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE, registry)).readObject();
                    }
                }
            }
        }
        throw new AssertionError("no rpc_result for " + reqMsgId);
    }

    /** Reads packets until a message of {@code type} arrives. */
    <T extends TlObject> T await(Class<T> type) {
        for (int packets = 0; packets < 10; packets++) {
            for (InnerMessage message : receive()) {
                if (message.constructorId() != Bodies.RPC_RESULT) {
                    TlObject object = TlReader.of(message.body(), TlRegistry.of(
                            dev.mtqr.tl.mtproto.SchemaRegistry.INSTANCE, dev.mtqr.tl.api.SchemaRegistry.INSTANCE))
                            .readObject();
                    if (type.isInstance(object)) {
                        return type.cast(object);
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " arrived");
    }

    boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
