package dev.mtqr.mtproto.dial;

import dev.mtqr.mtproto.crypto.RandomSource;
import dev.mtqr.mtproto.transport.FrameCodecs;
import dev.mtqr.mtproto.transport.TransportKind;
import java.util.Objects;

/**
 * The MTProto transport a pipe speaks over its bytes (core.telegram.org/mtproto/mtproto-transports).
 *
 * @param kind             the framing
 * @param obfuscated       whether under obfuscation2
 * @param dcTag            the DC id written in the obfuscated init (+10000 for test DCs, negative for media)
 * @param random           draws the obfuscated init and the padding
 * @param maxPayloadLength the largest packet accepted either way
 */
public record TransportOptions(TransportKind kind, boolean obfuscated, int dcTag, RandomSource random,
        int maxPayloadLength) {

    public TransportOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(random, "random");
        if (obfuscated && kind == TransportKind.FULL) {
            throw new IllegalArgumentException("the full transport cannot be obfuscated");
        }
    }

    /** {@code kind}, plain or obfuscated, with the default payload limit. */
    public static TransportOptions of(TransportKind kind, boolean obfuscated, int dcTag, RandomSource random) {
        return new TransportOptions(kind, obfuscated, dcTag, random, FrameCodecs.DEFAULT_MAX_PAYLOAD_LENGTH);
    }
}
