package dev.mtqr.mtproto.crypto;

/**
 * A check that MTProto requires failed: the peer sent something a correct peer never sends, or the bytes were
 * tampered with. {@link #check()} says which check; nothing has been stored when this is thrown.
 */
public class SecurityCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The checks, named after what they protect. */
    public enum Check {
        /** Encrypted message: the auth_key_id is not the key's. */
        AUTH_KEY_ID,
        /** Encrypted message: msg_key is not the middle of SHA-256 over the key part and the plaintext. */
        MSG_KEY,
        /** Encrypted message: too short, not a multiple of 16, or a message_data_length that does not fit. */
        MESSAGE_LENGTH,
        /** Encrypted message: padding outside 12..1024 bytes. */
        PADDING,
        /** RSA: a value not below the modulus, or an RSA_PAD whose hash does not match. */
        RSA,
        /** RSA: a public key fingerprint nobody here knows. */
        FINGERPRINT,
        /** Key exchange: pq is not the product of two primes (or not a number we can factor). */
        PQ,
        /** Key exchange: the nonce is not the one we sent. */
        NONCE,
        /** Key exchange: the server_nonce is not the one from resPQ. */
        SERVER_NONCE,
        /** Key exchange: the SHA-1 in front of the decrypted answer does not match. */
        ANSWER_HASH,
        /** DH: the prime is not a 2048-bit safe prime. */
        DH_PRIME,
        /** DH: g is outside 2..7 or fails its quadratic-residue condition for the prime. */
        DH_GENERATOR,
        /** DH: g_a, g_b (or SRP's A, B) outside (2^(2048-64), p - 2^(2048-64)). */
        DH_RANGE,
        /** Key exchange: new_nonce_hash1/2/3 does not match the key. */
        NEW_NONCE_HASH,
        /** Key exchange: the server answered dh_gen_fail, or asked to retry too often. */
        DH_GEN_FAIL,
        /** Key exchange: a message that is not the one this step expects. */
        UNEXPECTED_MESSAGE,
        /** 2FA: SRP parameters or values the client must refuse. */
        SRP
    }

    private final Check check;

    public SecurityCheckException(Check check, String detail) {
        super(check + ": " + detail);
        this.check = check;
    }

    public SecurityCheckException(Check check, String detail, Throwable cause) {
        super(check + ": " + detail, cause);
        this.check = check;
    }

    /** Which check failed. */
    public Check check() {
        return check;
    }
}
