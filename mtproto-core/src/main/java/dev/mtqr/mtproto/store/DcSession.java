package dev.mtqr.mtproto.store;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.util.Objects;

/**
 * What a client keeps about one data centre to talk to it again after a restart without asking the network:
 * the auth key made with that DC, the last server salt, the clock correction and where the DC listens.
 *
 * <p>The address is optional: {@code host} is {@code null} and {@code port} is 0 when the client takes the
 * address from its own configuration (or from {@code help.getConfig}); otherwise {@code host} is printable ASCII
 * (an IP literal or a DNS name, IDNs in punycode) of at most {@value #MAX_HOST_LENGTH} characters and
 * {@code port} is 1..65535.
 *
 * <p>The key and the salt are secrets: {@link #toString()} shows the key's id only and leaves the salt out.
 *
 * <pre>{@code
 * DcSession dc2 = new DcSession(2, authKey, salt, serverTime - localTime, "149.154.167.50", 443);
 * }</pre>
 *
 * @param dcId             the DC's number, positive (test DCs of some clients add 10000)
 * @param authKey          the 2048-bit key made with this DC
 * @param serverSalt       the last salt the server gave (core.telegram.org/mtproto/description#server-salt)
 * @param serverTimeOffset server time minus local time, in seconds, used for {@code msg_id}
 *                         (core.telegram.org/mtproto/description#message-identifier-msg-id)
 * @param host             where the DC listens, or {@code null} if not known here
 * @param port             the DC's TCP port, or 0 if {@code host} is {@code null}
 */
public record DcSession(int dcId, AuthKey authKey, long serverSalt, int serverTimeOffset, String host, int port) {
    /** The longest host name kept (the DNS limit is 253). */
    public static final int MAX_HOST_LENGTH = 255;

    public DcSession {
        if (dcId <= 0) {
            throw new IllegalArgumentException("dcId must be positive, got " + dcId);
        }
        Objects.requireNonNull(authKey, "authKey");
        if (host == null) {
            if (port != 0) {
                throw new IllegalArgumentException("port must be 0 when host is unknown, got " + port);
            }
        } else {
            checkHost(host);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, got " + port);
            }
        }
    }

    /** A session whose address is not kept here (the client knows it from elsewhere). */
    public DcSession(int dcId, AuthKey authKey, long serverSalt, int serverTimeOffset) {
        this(dcId, authKey, serverSalt, serverTimeOffset, null, 0);
    }

    /** This session with a new server salt. */
    public DcSession withServerSalt(long salt) {
        return new DcSession(dcId, authKey, salt, serverTimeOffset, host, port);
    }

    /** This session with a new clock correction (server minus local, seconds). */
    public DcSession withServerTimeOffset(int offset) {
        return new DcSession(dcId, authKey, serverSalt, offset, host, port);
    }

    /** This session with a new address ({@code null} and 0 to forget it). */
    public DcSession withAddress(String newHost, int newPort) {
        return new DcSession(dcId, authKey, serverSalt, serverTimeOffset, newHost, newPort);
    }

    /** Whether {@link #host()} and {@link #port()} are known. */
    public boolean hasAddress() {
        return host != null;
    }

    @Override
    public String toString() {
        return "DcSession[dcId=" + dcId + ", authKey=" + authKey + ", serverSalt=(hidden), serverTimeOffset="
                + serverTimeOffset + (host == null ? ", address unknown" : ", host=" + host + ", port=" + port) + "]";
    }

    private static void checkHost(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            throw new IllegalArgumentException(
                    "host must have 1.." + MAX_HOST_LENGTH + " characters, got " + host.length());
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "host must be printable ASCII without spaces, got U+" + String.format("%04X", (int) c)
                                + " at index " + i);
            }
        }
    }
}
