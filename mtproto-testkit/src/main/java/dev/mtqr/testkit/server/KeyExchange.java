package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.handshake.ServerHandshake;
import dev.mtqr.mtproto.handshake.ServerStep;
import dev.mtqr.mtproto.session.PlainMessage;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.mtproto.ReqPq;
import dev.mtqr.tl.mtproto.ReqPqMulti;
import dev.mtqr.tl.mtproto.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unencrypted half of a connection: each {@code req_pq_multi} (or {@code req_pq}) starts a
 * {@link ServerHandshake}, the following requests drive it, and {@code dh_gen_ok} registers the new key with the DC.
 */
final class KeyExchange {
    private static final Logger LOG = LoggerFactory.getLogger(KeyExchange.class);

    private final ServerDc dc;
    private ServerHandshake handshake;

    KeyExchange(ServerDc dc) {
        this.dc = dc;
    }

    /**
     * The unencrypted packet answering {@code packet}.
     *
     * @throws dev.mtqr.mtproto.crypto.SecurityCheckException if the request must be refused
     * @throws dev.mtqr.tl.TlDecodeException                  if it does not decode
     * @throws IllegalStateException                          if no exchange is waiting for it
     */
    byte[] answer(byte[] packet) {
        PlainMessage message = PlainMessage.decode(packet);
        TlObject request = TlReader.of(message.body(), SchemaRegistry.INSTANCE).readObject();
        if (request instanceof ReqPqMulti || request instanceof ReqPq) {
            handshake = new ServerHandshake(dc.handshakeOptions(), dc.random(), dc.clock());
        } else if (handshake == null) {
            throw new IllegalStateException(request.tlName() + " before req_pq_multi");
        }
        ServerStep step = handshake.onRequest(request);
        TlObject answer;
        if (step instanceof ServerStep.Done done) {
            var key = dc.keys().register(done.result());
            LOG.debug("DC {}: new auth key {}", dc.id(), Long.toHexString(key.id()));
            handshake = null;
            answer = done.answer();
        } else {
            answer = ((ServerStep.Reply) step).answer();
        }
        return new PlainMessage(dc.msgIds().next(true), answer.toByteArray()).encode();
    }
}
