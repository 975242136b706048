package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.AuthKey;

/**
 * What a completed key exchange produces (core.telegram.org/mtproto/auth_key, step 9).
 *
 * @param authKey          the new authorization key ({@code toString} shows only its id)
 * @param serverSalt       the first server salt: {@code substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8)}
 * @param serverTimeOffset the server's clock minus ours, in seconds, from {@code server_DH_inner_data.server_time}
 * @param expiresIn        for a temporary key, its lifetime in seconds as the client asked; 0 for a permanent key
 * @param dcId             the DC the client said it wanted ({@code p_q_inner_data_dc.dc}), or 0 if it did not say
 */
public record HandshakeResult(AuthKey authKey, long serverSalt, int serverTimeOffset, int expiresIn, int dcId) {
    /** Whether this is a temporary key (bound later with {@code auth.bindTempAuthKey}). */
    public boolean temporary() {
        return expiresIn > 0;
    }
}
