package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.DhChecks;
import dev.mtqr.mtproto.crypto.RsaPrivateKey;
import java.math.BigInteger;
import java.util.List;

/**
 * How the server side of the key exchange answers.
 *
 * @param keys           the cluster's RSA keys; all their fingerprints are offered in resPQ
 * @param dhPrime        the 2048-bit safe prime sent in server_DH_inner_data
 * @param g              the generator sent with it
 * @param forcedRetries  how many times to answer {@code dh_gen_retry} before {@code dh_gen_ok} (for tests of
 *                       the retry path; 0 normally)
 */
public record ServerOptions(List<RsaPrivateKey> keys, BigInteger dhPrime, int g, int forcedRetries) {
    public ServerOptions {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the server needs at least one RSA key");
        }
        if (forcedRetries < 0) {
            throw new IllegalArgumentException("forcedRetries < 0");
        }
    }

    /** Telegram's prime and g = 3, with {@code keys}. */
    public static ServerOptions standard(List<RsaPrivateKey> keys) {
        return new ServerOptions(keys, DhChecks.TELEGRAM_PRIME, 3, 0);
    }
}
