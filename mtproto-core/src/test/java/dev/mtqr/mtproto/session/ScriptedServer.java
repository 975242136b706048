package dev.mtqr.mtproto.session;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.tl.TlObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The server end of a {@link ClientSession} test, written packet by packet. */
final class ScriptedServer {
    final AuthKey key;
    final RandomSource random;
    final MessageIdClock answers;
    final MessageIdClock own;
    private int seqNo = 1;

    ScriptedServer(long seed, Clock clock) {
        Random seeded = new Random(seed);
        byte[] keyBytes = new byte[256];
        seeded.nextBytes(keyBytes);
        this.key = new AuthKey(keyBytes);
        this.random = seeded::nextBytes;
        this.answers = MessageIdClock.server(clock, true);
        this.own = MessageIdClock.server(clock, false);
    }

    /** What the client sent, decrypted; containers opened into their messages. */
    List<InnerMessage> open(byte[] packet) {
        Envelope envelope = Envelope.decrypt(key, packet, MessageCrypto.CLIENT);
        InnerMessage outer = new InnerMessage(envelope.msgId(), envelope.seqNo(), envelope.body());
        if (outer.constructorId() == Bodies.MSG_CONTAINER) {
            return Bodies.unpackContainer(envelope.body());
        }
        return new ArrayList<>(List.of(outer));
    }

    Envelope envelope(byte[] packet) {
        return Envelope.decrypt(key, packet, MessageCrypto.CLIENT);
    }

    /** The msg_id of a packet this server wrote. */
    long msgIdOf(byte[] serverPacket) {
        return Envelope.decrypt(key, serverPacket, MessageCrypto.SERVER).msgId();
    }

    /** An encrypted packet for {@code session} carrying {@code body} as a content-related answer. */
    byte[] send(ClientSession session, byte[] body) {
        return send(session.sessionId(), session.salt(), answers.next(), body);
    }

    byte[] send(long sessionId, long salt, long msgId, byte[] body) {
        int seq = seqNo;
        seqNo += 2;
        return new Envelope(salt, sessionId, msgId, seq, body).encrypt(key, MessageCrypto.SERVER, random);
    }

    static byte[] rpcResult(long reqMsgId, TlObject result) {
        return Bodies.packRpcResult(reqMsgId, result.toByteArray());
    }
}
