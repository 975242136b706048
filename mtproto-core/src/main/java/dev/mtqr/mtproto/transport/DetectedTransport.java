package dev.mtqr.mtproto.transport;

import io.netty.util.AttributeKey;
import java.util.Objects;

/**
 * What a {@link TransportDetector} found at the start of a connection: the transport, whether it is obfuscated, and
 * the DC id from the obfuscated init (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation; 0 on a
 * plain connection, which carries none). It is stored under {@link #ATTRIBUTE} on the channel and fired as a user
 * event, so a server can log it: {@code channel.attr(DetectedTransport.ATTRIBUTE).get()}.
 *
 * @param kind the transport
 * @param obfuscated whether the connection runs under obfuscation2
 * @param dcId the int16 DC id of an obfuscated init, or 0
 */
public record DetectedTransport(TransportKind kind, boolean obfuscated, int dcId) {
    /** Where the detector leaves its finding on the channel. */
    public static final AttributeKey<DetectedTransport> ATTRIBUTE =
            AttributeKey.valueOf(DetectedTransport.class, "detectedTransport");

    public DetectedTransport {
        Objects.requireNonNull(kind, "kind");
        if (obfuscated) {
            Obfuscated2Init.requireObfuscatable(kind);
        }
    }
}
