package dev.mtqr.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in IGE mode, the cipher of MTProto messages and of the key exchange's inner data, as
 * core.telegram.org/mtproto/description ("Defining AES Key and Initialization Vector") and OpenSSL's
 * {@code AES_ige_encrypt} define it. The 32-byte {@code iv} holds the ciphertext block before the first
 * ({@code iv[0:16]}) and the plaintext block before the first ({@code iv[16:32]}):
 * {@code c[i] = E(p[i] ^ c[i-1]) ^ p[i-1]} and {@code p[i] = D(c[i] ^ p[i-1]) ^ c[i-1]}.
 *
 * <p>Encryption is one JDK AES-CBC chain (AES-NI) with iv {@code c[-1]} over {@code x[i] = p[i] ^ p[i-2]}
 * ({@code p[-2] = 0}), fed 16 KiB at a time; its output blocks XORed with {@code p[i-1]} are the IGE ciphertext.
 * Decryption cannot be chained that way and runs block by block.
 * <pre>{@code
 * byte[] ciphertext = AesIge.encrypt(aesKey, aesIv, paddedPlaintext);
 * }</pre>
 */
public final class AesIge {
    private static final int BLOCK = 16;
    /** Bytes prepared per CBC call; bounds the per-thread scratch space. */
    private static final int CHUNK = 16 * 1024;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private AesIge() {
    }

    /** A new array with {@code data} (a multiple of 16 bytes) encrypted. */
    public static byte[] encrypt(byte[] key, byte[] iv, byte[] data) {
        byte[] out = new byte[data.length];
        encrypt(key, iv, data, 0, out, 0, data.length);
        return out;
    }

    /** A new array with {@code data} (a multiple of 16 bytes) decrypted. */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] data) {
        byte[] out = new byte[data.length];
        decrypt(key, iv, data, 0, out, 0, data.length);
        return out;
    }

    /**
     * Encrypts {@code length} bytes (a multiple of 16) of {@code src} into {@code dst}. The ranges may be the same
     * (in place); other overlaps are not supported. {@code iv} is not modified.
     */
    public static void encrypt(byte[] key, byte[] iv, byte[] src, int srcOffset, byte[] dst, int dstOffset,
            int length) {
        checkArguments(key, iv, src, srcOffset, dst, dstOffset, length);
        if (length == 0) {
            return;
        }
        Workspace work = WORKSPACE.get();
        Cipher cbc = work.cbc(key, iv);
        byte[] before = work.before; // p[i-2] || p[i-1] for the chunk's first block i
        Arrays.fill(before, 0, BLOCK, (byte) 0);
        System.arraycopy(iv, BLOCK, before, BLOCK, BLOCK);
        byte[] x = work.x;
        for (int done = 0; done < length; done += CHUNK) {
            int n = Math.min(CHUNK, length - done);
            byte[] plain = src;
            int at = srcOffset + done;
            if (src == dst) {
                System.arraycopy(src, at, work.plain, 0, n);
                plain = work.plain;
                at = 0;
            }
            int head = Math.min(n, 2 * BLOCK);
            // x[i] = p[i] ^ p[i-2]
            xor(x, 0, plain, at, before, 0, head);
            xor(x, head, plain, at + head, plain, at + head - 2 * BLOCK, n - head);
            int out = dstOffset + done;
            try {
                cbc.update(x, 0, n, dst, out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC failed", e);
            }
            // c[i] = cbc[i] ^ p[i-1]
            xor(dst, out, dst, out, before, BLOCK, BLOCK);
            xor(dst, out + BLOCK, dst, out + BLOCK, plain, at, n - BLOCK);
            if (n >= 2 * BLOCK) {
                System.arraycopy(plain, at + n - 2 * BLOCK, before, 0, 2 * BLOCK);
            } else {
                System.arraycopy(before, BLOCK, before, 0, BLOCK);
                System.arraycopy(plain, at, before, BLOCK, BLOCK);
            }
        }
    }

    /**
     * Decrypts {@code length} bytes (a multiple of 16) of {@code src} into {@code dst}. The ranges may be the same
     * (in place); other overlaps are not supported. {@code iv} is not modified.
     */
    public static void decrypt(byte[] key, byte[] iv, byte[] src, int srcOffset, byte[] dst, int dstOffset,
            int length) {
        checkArguments(key, iv, src, srcOffset, dst, dstOffset, length);
        if (length == 0) {
            return;
        }
        Workspace work = WORKSPACE.get();
        Cipher ecb = work.ecb(key);
        long cipherA = (long) LONG.get(iv, 0); // c[i-1]
        long cipherB = (long) LONG.get(iv, 8);
        long plainA = (long) LONG.get(iv, 16); // p[i-1]
        long plainB = (long) LONG.get(iv, 24);
        byte[] in = work.blockIn;
        byte[] out = work.blockOut;
        try {
            for (int i = 0; i < length; i += BLOCK) {
                long a = (long) LONG.get(src, srcOffset + i);
                long b = (long) LONG.get(src, srcOffset + i + 8);
                LONG.set(in, 0, a ^ plainA);
                LONG.set(in, 8, b ^ plainB);
                ecb.update(in, 0, BLOCK, out, 0);
                plainA = (long) LONG.get(out, 0) ^ cipherA;
                plainB = (long) LONG.get(out, 8) ^ cipherB;
                LONG.set(dst, dstOffset + i, plainA);
                LONG.set(dst, dstOffset + i + 8, plainB);
                cipherA = a;
                cipherB = b;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB failed", e);
        }
    }

    /** {@code out[outAt..] = a[aAt..] ^ b[bAt..]} for {@code length} bytes (a multiple of 8). */
    private static void xor(byte[] out, int outAt, byte[] a, int aAt, byte[] b, int bAt, int length) {
        for (int i = 0; i < length; i += 8) {
            LONG.set(out, outAt + i, (long) LONG.get(a, aAt + i) ^ (long) LONG.get(b, bAt + i));
        }
    }

    private static void checkArguments(byte[] key, byte[] iv, byte[] src, int srcOffset, byte[] dst, int dstOffset,
            int length) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, got " + key.length);
        }
        if (iv.length != 2 * BLOCK) {
            throw new IllegalArgumentException("an IGE iv has 32 bytes, got " + iv.length);
        }
        if (length % BLOCK != 0) {
            throw new IllegalArgumentException("IGE works on whole 16-byte blocks, got " + length + " bytes");
        }
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
    }

    /** One thread's ciphers ({@code Cipher.getInstance} is slow, a Cipher is not thread-safe) and scratch space. */
    private static final class Workspace {
        final Cipher cbc = newCipher("AES/CBC/NoPadding");
        final Cipher ecb = newCipher("AES/ECB/NoPadding");
        final byte[] x = new byte[CHUNK];
        final byte[] plain = new byte[CHUNK];
        final byte[] before = new byte[2 * BLOCK];
        final byte[] blockIn = new byte[BLOCK];
        final byte[] blockOut = new byte[BLOCK];

        Cipher cbc(byte[] key, byte[] iv) {
            try {
                cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv, 0, BLOCK));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC rejected a checked key", e);
            }
            return cbc;
        }

        Cipher ecb(byte[] key) {
            try {
                ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-ECB rejected a checked key", e);
            }
            return ecb;
        }

        /** The JDK's own provider first (its AES uses AES-NI), whatever providers were registered before it. */
        private static Cipher newCipher(String transformation) {
            try {
                return Cipher.getInstance(transformation, "SunJCE");
            } catch (GeneralSecurityException notSunJce) {
                try {
                    return Cipher.getInstance(transformation);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK has no " + transformation, e);
                }
            }
        }
    }
}
