package dev.mtqr.mtproto.crypto;

import dev.mtqr.tl.TlSizes;
import dev.mtqr.tl.TlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A server's RSA public key, as used by the auth-key exchange (core.telegram.org/mtproto/auth_key): the client
 * picks the key whose {@link #fingerprint()} is in {@code resPQ} and encrypts {@code p_q_inner_data} with it.
 *
 * <pre>{@code
 * RsaPublicKey key = RsaPublicKey.parsePem(pemText).get(0);
 * long fp = key.fingerprint(); // 0xd09d1d85de64fd85L for the production key
 * }</pre>
 */
public record RsaPublicKey(BigInteger n, BigInteger e) {
    private static final String PKCS1_LABEL = "RSA PUBLIC KEY";
    private static final String PKIX_LABEL = "PUBLIC KEY";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([^-\\r\\n]*)-----");

    public RsaPublicKey {
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(e, "e");
        if (n.signum() <= 0 || e.signum() <= 0) {
            throw new IllegalArgumentException("RSA modulus and exponent must be positive");
        }
    }

    /**
     * The key's fingerprint: the lower 64 bits of SHA-1 of {@code rsa_public_key n:string e:string} (bytes 12..19
     * of the digest, little-endian), as sent in {@code resPQ.server_public_key_fingerprints}.
     */
    public long fingerprint() {
        byte[] nBytes = BigIntegers.toMinimal(n);
        byte[] eBytes = BigIntegers.toMinimal(e);
        byte[] serialized = new byte[TlSizes.bytes(nBytes.length) + TlSizes.bytes(eBytes.length)];
        TlWriter writer = TlWriter.wrap(serialized);
        writer.writeBytes(nBytes);
        writer.writeBytes(eBytes);
        return ByteBuffer.wrap(Digests.sha1(serialized), 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Textbook RSA, {@code m^e mod n}; {@code m} must be in {@code [0, n)}. */
    public BigInteger encryptRaw(BigInteger m) {
        if (m.signum() < 0 || m.compareTo(n) >= 0) {
            throw new SecurityCheckException(SecurityCheckException.Check.RSA, "RSA input is not in [0, n)");
        }
        return m.modPow(e, n);
    }

    /** The key as a PKCS#1 {@code RSA PUBLIC KEY} PEM block, the form Telegram publishes keys in. */
    public String toPem() {
        byte[] der;
        try {
            der = new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e).getEncoded();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot DER-encode an RSA public key", ex);
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + PKCS1_LABEL + "-----\n" + body + "\n-----END " + PKCS1_LABEL + "-----\n";
    }

    /**
     * Every key in {@code text}: PKCS#1 ({@code RSA PUBLIC KEY}) and PKIX ({@code PUBLIC KEY}) PEM blocks, in order;
     * text outside the blocks is ignored.
     *
     * @throws IllegalArgumentException if there is no block, a block is unterminated, has another label, bad
     *     base64 or DER, or is not an RSA key
     */
    public static List<RsaPublicKey> parsePem(String text) {
        List<RsaPublicKey> keys = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (begin.find(from)) {
            String label = begin.group(1);
            String endMarker = "-----END " + label + "-----";
            int end = text.indexOf(endMarker, begin.end());
            if (end < 0) {
                throw new IllegalArgumentException("PEM block '" + label + "' #" + (keys.size() + 1)
                        + " has no '" + endMarker + "' line");
            }
            keys.add(parseBlock(label, text.substring(begin.end(), end), keys.size() + 1));
            from = end + endMarker.length();
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no '-----BEGIN " + PKCS1_LABEL + "-----' or '-----BEGIN "
                    + PKIX_LABEL + "-----' block in the text");
        }
        return List.copyOf(keys);
    }

    private static RsaPublicKey parseBlock(String label, String base64, int index) {
        String where = "PEM block '" + label + "' #" + index;
        if (!label.equals(PKCS1_LABEL) && !label.equals(PKIX_LABEL)) {
            throw new IllegalArgumentException(where + ": expected '" + PKCS1_LABEL + "' or '" + PKIX_LABEL + "'");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": bad base64: " + ex.getMessage(), ex);
        }
        try {
            ASN1Primitive asn1 = ASN1Primitive.fromByteArray(der);
            org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = label.equals(PKCS1_LABEL)
                    ? org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(asn1)
                    : fromSubjectPublicKeyInfo(asn1);
            return new RsaPublicKey(rsa.getModulus(), rsa.getPublicExponent());
        } catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException(where + ": not a valid RSA public key: " + ex.getMessage(), ex);
        }
    }

    private static org.bouncycastle.asn1.pkcs.RSAPublicKey fromSubjectPublicKeyInfo(ASN1Primitive asn1)
            throws IOException {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(asn1);
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
            throw new IOException("algorithm " + info.getAlgorithm().getAlgorithm() + " is not rsaEncryption");
        }
        return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey());
    }
}
