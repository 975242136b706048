package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.AuthKey;
import dev.mtqr.mtproto.crypto.Digests;
import dev.mtqr.tl.Int128;
import dev.mtqr.tl.Int256;

/** The values derived from the nonces at the end of the key exchange (core.telegram.org/mtproto/auth_key, step 9). */
final class NonceHashes {
    private NonceHashes() {
    }

    /**
     * {@code new_nonce_hash1/2/3}: the lower 128 bits of SHA1(new_nonce ‖ byte n ‖ auth_key_aux_hash), n = 1 for
     * dh_gen_ok, 2 for dh_gen_retry, 3 for dh_gen_fail.
     */
    static Int128 newNonceHash(Int256 newNonce, int n, AuthKey key) {
        byte[] aux = new byte[8];
        long auxHash = key.auxHash();
        for (int i = 0; i < 8; i++) {
            aux[i] = (byte) (auxHash >>> (8 * i));
        }
        byte[] sha1 = Digests.sha1(newNonce.toByteArray(), new byte[] {(byte) n}, aux);
        return Int128.of(sha1, 4);
    }

    /** The first server salt: the first 8 bytes of new_nonce XOR the first 8 bytes of server_nonce. */
    static long serverSalt(Int256 newNonce, Int128 serverNonce) {
        return newNonce.w0() ^ serverNonce.lo();
    }
}
