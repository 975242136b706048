package dev.mtqr.mtproto.handshake;

import dev.mtqr.tl.TlMethod;

/** What the client side of the key exchange does next. */
public sealed interface ClientStep {
    /** Send this request (unencrypted) and pass the answer to {@link ClientHandshake#onAnswer}. */
    record Send(TlMethod<?> request) implements ClientStep {
    }

    /** The exchange is complete. */
    record Done(HandshakeResult result) implements ClientStep {
    }
}
