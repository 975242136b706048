package dev.mtqr.mtproto.handshake;

import dev.mtqr.mtproto.crypto.RsaPublicKey;
import java.util.List;

/**
 * How the client side of the key exchange introduces itself.
 *
 * @param serverKeys     the RSA keys the client trusts; the first one the server also lists is used
 * @param dc             the {@code dc} field of {@code p_q_inner_data_dc}: the DC id, plus 10000 on test servers,
 *                       negative for media-only DCs
 * @param innerData      which inner-data constructor to send
 * @param expiresIn      for a temporary key, its lifetime in seconds ({@code p_q_inner_data_temp_dc}); 0 for a
 *                       permanent key
 */
public record ClientOptions(List<RsaPublicKey> serverKeys, int dc, InnerData innerData, int expiresIn) {
    /** The inner-data constructor sent inside RSA_PAD. */
    public enum InnerData {
        /** {@code p_q_inner_data_dc} (or {@code p_q_inner_data_temp_dc}): what current clients send. */
        WITH_DC,
        /** {@code p_q_inner_data} without the dc field, as some older clients send; permanent keys only. */
        LEGACY
    }

    public ClientOptions {
        serverKeys = List.copyOf(serverKeys);
        if (serverKeys.isEmpty()) {
            throw new IllegalArgumentException("the client needs at least one server RSA key");
        }
        if (expiresIn < 0 || (expiresIn > 0 && innerData == InnerData.LEGACY)) {
            throw new IllegalArgumentException("a temporary key needs p_q_inner_data_temp_dc and expiresIn > 0");
        }
    }

    /** A permanent key for {@code dc}, trusting {@code serverKeys}. */
    public static ClientOptions permanent(List<RsaPublicKey> serverKeys, int dc) {
        return new ClientOptions(serverKeys, dc, InnerData.WITH_DC, 0);
    }
}
