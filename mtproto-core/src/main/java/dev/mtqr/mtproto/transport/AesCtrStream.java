package dev.mtqr.mtproto.transport;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an obfuscated connection: an AES-256-CTR keystream (128-bit big-endian counter, as OpenSSL's) that
 * continues across calls, so that "the final value of the encryption/decryption counter after handling an MTProto
 * payload must be used as IV for the next payload"
 * (core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 * Not thread-safe: each belongs to one channel handler.
 */
final class AesCtrStream {
    private final Cipher cipher;

    AesCtrStream(byte[] key, byte[] iv) {
        if (key.length != 32 || iv.length != 16) {
            throw new IllegalArgumentException("AES-256-CTR needs a 32-byte key and a 16-byte iv");
        }
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR/NoPadding is not available", e);
        }
    }

    /** XORs {@code data} in place with the next {@code data.length} keystream bytes. */
    void apply(byte[] data) {
        try {
            cipher.update(data, 0, data.length, data, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every readable byte of {@code in} and writes it XORed with the keystream to {@code out}. */
    void apply(ByteBuf in, ByteBuf out) {
        int length = in.readableBytes();
        out.ensureWritable(length);
        if (out.nioBufferCount() != 1) { // a composite target: go through an array
            byte[] bytes = new byte[length];
            in.readBytes(bytes);
            apply(bytes);
            out.writeBytes(bytes);
            return;
        }
        ByteBuffer target = out.nioBuffer(out.writerIndex(), length);
        try {
            for (ByteBuffer source : in.nioBuffers(in.readerIndex(), length)) {
                cipher.update(source, target);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        in.skipBytes(length);
        out.writerIndex(out.writerIndex() + length);
    }
}
