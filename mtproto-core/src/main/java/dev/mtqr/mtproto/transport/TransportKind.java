package dev.mtqr.mtproto.transport;

import java.util.Optional;

/**
 * The MTProto TCP transports (core.telegram.org/mtproto/mtproto-transports) and the protocol identifiers that tell a
 * server which one a connection speaks. A plain connection starts with {@link #protocolHeader()}; an obfuscated one
 * carries {@link #obfuscationTag()} at offset 56 of its 64-byte init instead ("#transport-obfuscation").
 *
 * <p>Example: {@code TransportKind.ABRIDGED.protocolHeader()} is the single byte {@code 0xef}.
 */
public enum TransportKind {
    /** "#abridged": length/4 in one byte (or 0x7f and three bytes); header {@code 0xef}, tag {@code 0xefefefef}. */
    ABRIDGED(new byte[] {(byte) 0xef}, 0xefefefef),
    /** "#intermediate": a 4-byte little-endian length; header and tag {@code 0xeeeeeeee}. */
    INTERMEDIATE(new byte[] {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee}, 0xeeeeeeee),
    /** "#padded-intermediate": intermediate plus 0-15 random bytes; header and tag {@code 0xdddddddd}. */
    PADDED_INTERMEDIATE(new byte[] {(byte) 0xdd, (byte) 0xdd, (byte) 0xdd, (byte) 0xdd}, 0xdddddddd),
    /** "#full": length, TCP seqno, payload, CRC32; no header, and no obfuscation tag. */
    FULL(new byte[0], 0);

    private final byte[] protocolHeader;
    private final int obfuscationTag;

    TransportKind(byte[] protocolHeader, int obfuscationTag) {
        this.protocolHeader = protocolHeader;
        this.obfuscationTag = obfuscationTag;
    }

    /** The bytes a plain client sends before anything else (empty for {@link #FULL}). A fresh copy. */
    public byte[] protocolHeader() {
        return protocolHeader.clone();
    }

    /**
     * The 4-byte identifier an obfuscated init carries at offset 56, read as a little-endian int (all four bytes are
     * equal, so the byte order does not matter). {@link #FULL} has none: calling this on it throws.
     */
    public int obfuscationTag() {
        if (!supportsObfuscation()) {
            throw new IllegalStateException("the full transport has no obfuscation tag");
        }
        return obfuscationTag;
    }

    /** Whether this transport can run under obfuscation2: every transport with a protocol identifier. */
    public boolean supportsObfuscation() {
        return this != FULL;
    }

    /** Whether the transport page defines a quick-ack envelope for it (all but {@link #FULL}). */
    public boolean supportsQuickAck() {
        return this != FULL;
    }

    /** The transport whose obfuscation tag is {@code tag} (little-endian int from offset 56 of a decrypted init). */
    public static Optional<TransportKind> fromObfuscationTag(int tag) {
        for (TransportKind kind : values()) {
            if (kind.supportsObfuscation() && kind.obfuscationTag == tag) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
