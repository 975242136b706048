package dev.mtqr.mtproto.client;

import dev.mtqr.mtproto.handshake.ClientHandshake;
import dev.mtqr.mtproto.handshake.ClientOptions;
import dev.mtqr.mtproto.handshake.ClientStep;
import dev.mtqr.mtproto.handshake.HandshakeResult;
import dev.mtqr.mtproto.session.MessageIdClock;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.SchemaRegistry;

/**
 * The auth-key negotiation on one connection (core.telegram.org/mtproto/auth_key): {@link ClientHandshake}'s steps
 * carried in unencrypted messages. {@link #onPacket} returns the next packet to send, or null once the key is made
 * ({@link #result()}); an answer that must be refused throws
 * {@link dev.mtqr.mtproto.crypto.SecurityCheckException}, bytes that do not decode
 * {@link dev.mtqr.tl.TlDecodeException}.
 */
final class KeyNegotiation {
    private final ClientHandshake handshake;
    private final MessageIdClock ids;
    private HandshakeResult result;

    KeyNegotiation(ClientOptions options, LinkSettings settings) {
        this.handshake = new ClientHandshake(options, settings.random(), settings.clock());
        this.ids = MessageIdClock.client(settings.clock());
    }

    /** The first packet: {@code req_pq_multi}. */
    byte[] start() {
        return plain(handshake.start());
    }

    /** Takes the server's unencrypted answer; the next packet to send, or null when the key is made. */
    byte[] onPacket(byte[] packet) {
        PlainMessage message = PlainMessage.decode(packet);
        TlObject answer = TlReader.of(message.body(), SchemaRegistry.INSTANCE).readObject();
        ClientStep step = handshake.onAnswer(answer);
        if (step instanceof ClientStep.Send send) {
            return plain(send.request());
        }
        result = ((ClientStep.Done) step).result();
        return null;
    }

    /** The new key, its first salt and the server's clock offset, once made. */
    HandshakeResult result() {
        return result;
    }

    private byte[] plain(TlObject request) {
        return new PlainMessage(ids.next(), request.toByteArray()).encode();
    }
}
