package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.SecurityCheckException;
import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.TlObject;

/** The checks both sides of the key exchange make on every message: its kind, and the nonces it carries. */
final class HandshakeMessages {
    private HandshakeMessages() {
    }

    /** {@code message} as a {@code type}, or {@link Check#UNEXPECTED_MESSAGE}. */
    static <T> T expect(TlObject message, Class<T> type) {
        if (!type.isInstance(message)) {
            throw new SecurityCheckException(Check.UNEXPECTED_MESSAGE, "expected " + type.getSimpleName() + ", got "
                    + (message == null ? "nothing" : message.tlName()));
        }
        return type.cast(message);
    }

    /**
     * {@link Check#NONCE} unless {@code received} is {@code nonce}; {@link Check#SERVER_NONCE} unless
     * {@code receivedServerNonce} is {@code serverNonce} (not checked when {@code receivedServerNonce} is null).
     */
    static void checkNonces(Int128 nonce, Int128 received, Int128 serverNonce, Int128 receivedServerNonce) {
        if (!nonce.equals(received)) {
            throw new SecurityCheckException(Check.NONCE, "the message carries another nonce than the exchange's");
        }
        if (receivedServerNonce != null && !serverNonce.equals(receivedServerNonce)) {
            throw new SecurityCheckException(Check.SERVER_NONCE, "the message carries another server_nonce than resPQ");
        }
    }
}
