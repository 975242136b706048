package dev.mtqr.mtproto.handshake;

import dev.mtqr.tl.TlObject;

/** What the server side of the key exchange does next. */
public sealed interface ServerStep {
    /** Send this answer (unencrypted) and pass the client's next request to {@link ServerHandshake#onRequest}. */
    record Reply(TlObject answer) implements ServerStep {
    }

    /** Send this last answer ({@code dh_gen_ok}); the exchange is complete. */
    record Done(TlObject answer, HandshakeResult result) implements ServerStep {
    }
}
