package dev.mtqr.mtproto.crypto;

/**
 * The temporary AES key and iv that protect {@code server_DH_inner_data} and {@code client_DH_inner_data} during
 * the key exchange (core.telegram.org/mtproto/auth_key, step 5).
 * <pre>{@code
 * KeyIv tmp = HandshakeKeys.tmpAesKeyIv(serverNonce, newNonce);
 * byte[] answerWithHash = AesIge.decrypt(tmp.key(), tmp.iv(), encryptedAnswer);
 * }</pre>
 */
public final class HandshakeKeys {
    private HandshakeKeys() {
    }

    /**
     * {@code tmp_aes_key = SHA1(new_nonce + server_nonce) + substr(SHA1(server_nonce + new_nonce), 0, 12)};
     * {@code tmp_aes_iv = substr(SHA1(server_nonce + new_nonce), 12, 8) + SHA1(new_nonce + new_nonce)
     * + substr(new_nonce, 0, 4)}.
     */
    public static KeyIv tmpAesKeyIv(byte[] serverNonce, byte[] newNonce) {
        if (serverNonce.length != 16) {
            throw new IllegalArgumentException("server_nonce has 16 bytes, got " + serverNonce.length);
        }
        if (newNonce.length != 32) {
            throw new IllegalArgumentException("new_nonce has 32 bytes, got " + newNonce.length);
        }
        byte[] newServer = Digests.sha1(newNonce, serverNonce);
        byte[] serverNew = Digests.sha1(serverNonce, newNonce);
        byte[] newNew = Digests.sha1(newNonce, newNonce);
        byte[] key = new byte[32];
        System.arraycopy(newServer, 0, key, 0, 20);
        System.arraycopy(serverNew, 0, key, 20, 12);
        byte[] iv = new byte[32];
        System.arraycopy(serverNew, 12, iv, 0, 8);
        System.arraycopy(newNew, 0, iv, 8, 20);
        System.arraycopy(newNonce, 0, iv, 28, 4);
        return new KeyIv(key, iv);
    }
}
