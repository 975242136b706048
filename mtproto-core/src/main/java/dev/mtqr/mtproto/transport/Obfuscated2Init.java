package dev.mtqr.mtproto.transport;

import dev.mtqr.mtproto.crypto.RandomSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 64-byte initialization payload of an obfuscated connection and the two AES-256-CTR streams derived from it
 * (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 *
 * <p>The client draws 64 random bytes whose start matches no other protocol ({@link #isForbiddenStart}), puts the
 * transport's tag at offset 56 and the DC id (int16, little-endian) at 60, and encrypts with key = bytes 8..40 and
 * iv = bytes 40..56; it decrypts with key and iv taken the same way from the init reversed. It sends bytes 0..56 as
 * drawn and bytes 56..64 encrypted, so its encryption stream has already used 64 bytes. A server does the mirror
 * image with {@link #fromClient}: it decrypts the init to read tag and DC id and sends with the reversed key.
 *
 * <p>Only for MTProxy, a 16-byte secret (or 17 bytes, the first naming the transport) is mixed into both keys as
 * {@code SHA-256(key + secret)}. Example: {@code Obfuscated2Init.forClient(TransportKind.INTERMEDIATE, 2,
 * RandomSource.secure()).header()} is what a client sends first.
 */
public final class Obfuscated2Init {
    /** The init is "64 bytes (512-bit)". */
    public static final int LENGTH = 64;
    private static final int TAG_OFFSET = 56;
    private static final int DC_OFFSET = 60;
    private static final int MAX_DRAWS = 1000;
    /** First ints (little-endian) a client must not start with: HEAD, POST, "GET ", OPTI, TLS, 0xdd.., 0xee... */
    private static final int[] FORBIDDEN_FIRST_INTS = {
        0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316, 0xdddddddd, 0xeeeeeeee
    };

    private final byte[] header;
    private final TransportKind kind;
    private final int dcId;
    private final AesCtrStream encryptor;
    private final AesCtrStream decryptor;

    private Obfuscated2Init(byte[] header, TransportKind kind, int dcId, AesCtrStream encryptor,
            AesCtrStream decryptor) {
        this.header = header;
        this.kind = kind;
        this.dcId = dcId;
        this.encryptor = encryptor;
        this.decryptor = decryptor;
    }

    /**
     * A new client init for {@code kind} (which must have a tag: not {@link TransportKind#FULL}) and {@code dcId}
     * (int16: negative for media DCs, +10000 for test DCs).
     */
    public static Obfuscated2Init forClient(TransportKind kind, int dcId, RandomSource random) {
        return forClient(kind, dcId, random, null);
    }

    /** As {@link #forClient(TransportKind, int, RandomSource)}, for an MTProxy with {@code proxySecret}. */
    public static Obfuscated2Init forClient(TransportKind kind, int dcId, RandomSource random, byte[] proxySecret) {
        requireObfuscatable(kind);
        Objects.requireNonNull(random, "random");
        if (dcId < Short.MIN_VALUE || dcId > Short.MAX_VALUE) {
            throw new IllegalArgumentException("the DC id is an int16: " + dcId);
        }
        byte[] secret = proxySecret(proxySecret);
        byte[] init = new byte[LENGTH];
        int draws = 0;
        do {
            if (++draws > MAX_DRAWS) {
                throw new IllegalStateException("the random source gave " + MAX_DRAWS + " forbidden inits in a row");
            }
            random.nextBytes(init);
        } while (isForbiddenStart(init));
        putIntLE(init, TAG_OFFSET, kind.obfuscationTag());
        init[DC_OFFSET] = (byte) dcId;
        init[DC_OFFSET + 1] = (byte) (dcId >> 8);

        AesCtrStream encryptor = stream(init, false, secret);
        AesCtrStream decryptor = stream(init, true, secret);
        byte[] encrypted = init.clone();
        encryptor.apply(encrypted);
        byte[] header = init.clone();
        System.arraycopy(encrypted, TAG_OFFSET, header, TAG_OFFSET, LENGTH - TAG_OFFSET);
        Arrays.fill(encrypted, (byte) 0);
        Arrays.fill(init, (byte) 0);
        return new Obfuscated2Init(header, kind, (short) dcId, encryptor, decryptor);
    }

    /**
     * The server's view of the 64 bytes a client sent first.
     *
     * @throws TransportException ({@link TransportException.Kind#UNKNOWN_PROTOCOL}) when the decrypted tag is not
     *     that of an obfuscatable transport, which is also what random bytes give
     */
    public static Obfuscated2Init fromClient(byte[] header) {
        return fromClient(header, null);
    }

    /** As {@link #fromClient(byte[])}, for an MTProxy with {@code proxySecret}. */
    public static Obfuscated2Init fromClient(byte[] header, byte[] proxySecret) {
        if (header.length != LENGTH) {
            throw new IllegalArgumentException("an obfuscated init has 64 bytes, not " + header.length);
        }
        byte[] secret = proxySecret(proxySecret);
        AesCtrStream decryptor = stream(header, false, secret);
        byte[] decrypted = header.clone();
        decryptor.apply(decrypted);
        int tag = getIntLE(decrypted, TAG_OFFSET);
        short dcId = (short) ((decrypted[DC_OFFSET] & 0xff) | (decrypted[DC_OFFSET + 1] << 8));
        Arrays.fill(decrypted, (byte) 0);
        TransportKind kind = TransportKind.fromObfuscationTag(tag).orElseThrow(() -> new TransportException(
                TransportException.Kind.UNKNOWN_PROTOCOL, "obfuscated init with tag 0x" + Integer.toHexString(tag)));
        return new Obfuscated2Init(header.clone(), kind, dcId, stream(header, true, secret), decryptor);
    }

    /**
     * Whether a client must draw again: the first byte is {@code 0xef} (abridged), the first four bytes are an HTTP
     * method ({@code HEAD}, {@code POST}, {@code GET }, {@code OPTI}), the start of TLS ({@code 16 03 01 02}) or an
     * intermediate tag ({@code 0xdddddddd}, {@code 0xeeeeeeee}), or bytes 4..8 are zero (full transport, seqno 0).
     */
    public static boolean isForbiddenStart(byte[] init) {
        if (init.length < 8) {
            throw new IllegalArgumentException("need the first 8 bytes");
        }
        if (init[0] == (byte) 0xef || getIntLE(init, 4) == 0) {
            return true;
        }
        int first = getIntLE(init, 0);
        for (int forbidden : FORBIDDEN_FIRST_INTS) {
            if (first == forbidden) {
                return true;
            }
        }
        return false;
    }

    /** The 64 bytes as they go on the wire. A fresh copy. */
    public byte[] header() {
        return header.clone();
    }

    /** The transport named by the tag. */
    public TransportKind kind() {
        return kind;
    }

    /** The DC id from offset 60 (int16, sign-extended). */
    public int dcId() {
        return dcId;
    }

    /** This side's outgoing stream (a client's has already encrypted the init). */
    AesCtrStream encryptor() {
        return encryptor;
    }

    /** This side's incoming stream (a server's has already decrypted the init). */
    AesCtrStream decryptor() {
        return decryptor;
    }

    @Override
    public String toString() {
        return "Obfuscated2Init[kind=" + kind + ", dcId=" + dcId + "]";
    }

    static void requireObfuscatable(TransportKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.supportsObfuscation()) {
            throw new IllegalArgumentException("the " + kind + " transport cannot be obfuscated: obfuscation2 names "
                    + "the transport by a tag at offset 56, and only abridged, intermediate and padded intermediate "
                    + "have one");
        }
    }

    /** The stream keyed by bytes 8..56 of {@code init}, read forwards or (reversed) backwards. */
    private static AesCtrStream stream(byte[] init, boolean reversed, byte[] secret) {
        byte[] material = Arrays.copyOfRange(init, 8, TAG_OFFSET);
        if (reversed) {
            for (int i = 0, j = material.length - 1; i < j; i++, j--) {
                byte b = material[i];
                material[i] = material[j];
                material[j] = b;
            }
        }
        byte[] key = Arrays.copyOfRange(material, 0, 32);
        byte[] iv = Arrays.copyOfRange(material, 32, 48);
        if (secret != null) {
            byte[] mixed = sha256(key, secret);
            Arrays.fill(key, (byte) 0);
            key = mixed;
        }
        AesCtrStream stream = new AesCtrStream(key, iv);
        Arrays.fill(material, (byte) 0);
        Arrays.fill(key, (byte) 0);
        return stream;
    }

    private static byte[] proxySecret(byte[] secret) {
        if (secret == null) {
            return null;
        }
        return switch (secret.length) {
            case 16 -> secret.clone();
            case 17 -> Arrays.copyOfRange(secret, 1, 17); // "the first byte of which should be ignored"
            default -> throw new IllegalArgumentException("an MTProxy secret has 16 or 17 bytes, not " + secret.length);
        };
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(a);
            digest.update(b);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int getIntLE(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    private static void putIntLE(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >> 8);
        bytes[offset + 2] = (byte) (value >> 16);
        bytes[offset + 3] = (byte) (value >> 24);
    }
}
