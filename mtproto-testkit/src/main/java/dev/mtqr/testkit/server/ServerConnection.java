package dev.mtqr.testkit.server;

import dev.mtqr.mtproto.crypto.MessageCrypto;
import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.session.Envelope;
import dev.mtqr.mtproto.session.InnerMessage;
import dev.mtqr.testkit.rpc.ClientKey;
import dev.mtqr.tl.TlDecodeException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a {@link ServerDc}, fed whole MTProto packets by the transport: unencrypted ones drive
 * the key exchange, encrypted ones are looked up by auth_key_id (unknown key: transport error -404, as Telegram
 * answers), decrypted with every receive check (a failure also gets -404) and handed to their session. The DC's
 * {@link DcFaults} act here: a silent DC takes nothing in and sends nothing, a lost request closes the connection
 * unread, and packets on the way out are corrupted, sent twice or held back.
 */
public final class ServerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);
    /** Transport error -404: auth key not found, or a malformed message (core.telegram.org/mtproto/mtproto-transports). */
    public static final int AUTH_KEY_NOT_FOUND = -404;

    private final ServerDc dc;
    private final ConnectionOutput output;
    private final KeyExchange exchange;
    private final Set<ServerSession> carried = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;
    private volatile ConnectionOutput.Cancellable disconnectTimer;

    ServerConnection(ServerDc dc, ConnectionOutput output) {
        this.dc = dc;
        this.output = output;
        this.exchange = new KeyExchange(dc);
    }

    /** Handles one packet from the client (auth_key_id first). */
    public void onPacket(byte[] packet) {
        onPacket(packet, () -> {
        });
    }

    /**
     * Handles one packet from the client; {@code taken} runs first if the DC takes the packet in at all (not silent,
     * not a request it was told to lose): where the transport sends its quick ack.
     */
    public void onPacket(byte[] packet, Runnable taken) {
        if (!open || dc.faults().silenced()) {
            return;
        }
        if (packet.length >= 8 && Envelope.authKeyId(packet) != 0 && dc.faults().takeRequestDrop()) {
            LOG.info("DC {}: losing a request, closing its connection", dc.id());
            close();
            return;
        }
        taken.run();
        if (packet.length < 8) {
            refuse("a packet of " + packet.length + " bytes");
            return;
        }
        long authKeyId = Envelope.authKeyId(packet);
        if (authKeyId == 0) {
            onPlain(packet);
            return;
        }
        Optional<ClientKey> key = dc.keys().find(authKeyId);
        if (key.isEmpty()) {
            refuse("unknown auth_key_id " + Long.toHexString(authKeyId));
            return;
        }
        Envelope envelope;
        try {
            envelope = Envelope.decrypt(key.get().authKey(), packet, MessageCrypto.CLIENT);
        } catch (SecurityCheckException e) {
            refuse("a message that fails a check: " + e.getMessage());
            return;
        }
        ServerSession session = dc.session(key.get(), envelope.sessionId());
        carried.add(session);
        synchronized (session) {
            session.bind(this);
            EnvelopeHandler.handle(dc, session, envelope);
            session.flush();
        }
    }

    private void onPlain(byte[] packet) {
        try {
            write(exchange.answer(packet));
        } catch (SecurityCheckException | TlDecodeException | IllegalStateException e) {
            LOG.info("DC {}: key exchange refused, closing: {}", dc.id(), e.getMessage());
            close();
        }
    }

    private void refuse(String what) {
        LOG.info("DC {}: {}; answering -404", dc.id(), what);
        open = false;
        output.sendTransportError(AUTH_KEY_NOT_FOUND);
        closed();
    }

    /** Encrypts {@code message} for {@code session} with the current salt and sends it. */
    void deliver(ServerSession session, InnerMessage message) {
        Envelope envelope = new Envelope(dc.salts().current(), session.sessionId(), message.msgId(),
                message.seqNo(), message.body());
        write(envelope.encrypt(session.key().authKey(), MessageCrypto.SERVER, dc.random()));
    }

    /**
     * Sends a packet, through the DC's faults: corrupted (one bit of the msg_key, or of the auth_key_id of an
     * unencrypted packet), sent twice, held back, or not at all while the DC is silent.
     */
    private void write(byte[] packet) {
        if (dc.faults().silenced()) {
            return;
        }
        if (dc.faults().takeCorruption()) {
            int at = Envelope.authKeyId(packet) == 0 ? 0 : 8;
            packet[at] ^= 0x01;
            LOG.info("DC {}: corrupting a packet of {} bytes", dc.id(), packet.length);
        }
        int copies = dc.faults().takeDuplicate() ? 2 : 1;
        Duration delay = dc.faults().answerDelay();
        for (int i = 0; i < copies; i++) {
            if (delay.isZero()) {
                transmit(packet);
            } else {
                output.schedule(delay, () -> transmit(packet));
            }
        }
    }

    private void transmit(byte[] packet) {
        if (!dc.faults().silenced()) {
            output.send(packet);
        }
    }

    /** Writes bytes that are not a valid frame of any transport: a length far beyond any cap. */
    void sendMalformedFrame() {
        output.sendRawTransportBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f});
    }

    /** Runs {@code task} on this connection's thread, later. */
    void later(Runnable task) {
        output.schedule(Duration.ZERO, task);
    }

    /** Closes the connection after {@code seconds} unless called again before (ping_delay_disconnect). */
    void disconnectAfter(int seconds) {
        ConnectionOutput.Cancellable previous = disconnectTimer;
        if (previous != null) {
            previous.cancel();
        }
        disconnectTimer = output.schedule(Duration.ofSeconds(Math.max(0, seconds)), () -> {
            LOG.info("DC {}: no ping_delay_disconnect for {} s, closing", dc.id(), seconds);
            close();
        });
    }

    /** Whether the connection is open. */
    public boolean open() {
        return open;
    }

    /** Closes the connection from the server's side. */
    public void close() {
        if (open) {
            open = false;
            output.close();
        }
        closed();
    }

    /** Tells the connection that the transport closed it. */
    public void closed() {
        open = false;
        ConnectionOutput.Cancellable timer = disconnectTimer;
        if (timer != null) {
            timer.cancel();
        }
        for (ServerSession session : carried) {
            session.unbind(this);
        }
        carried.clear();
        dc.closed(this);
    }
}
