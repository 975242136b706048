package dev.mtqr.mtproto.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** IGE written straight from its definition, one AES-ECB block at a time, to check {@link AesIge} against. */
final class AesIgeReference {
    private AesIgeReference() {
    }

    /** c[i] = E(p[i] ^ c[i-1]) ^ p[i-1], with c[-1] = iv[0:16] and p[-1] = iv[16:32]. */
    static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        return run(Cipher.ENCRYPT_MODE, key, iv, plaintext);
    }

    /** p[i] = D(c[i] ^ p[i-1]) ^ c[i-1], with c[-1] = iv[0:16] and p[-1] = iv[16:32]. */
    static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        return run(Cipher.DECRYPT_MODE, key, iv, ciphertext);
    }

    /**
     * Both directions have the same shape: out[i] = AES(in[i] ^ chainIn) ^ chainOut, where encryption chains the
     * previous ciphertext into the cipher input and decryption the previous plaintext.
     */
    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(mode, new SecretKeySpec(key, "AES"));
            boolean encrypting = mode == Cipher.ENCRYPT_MODE;
            byte[] previousCiphertext = Arrays.copyOfRange(iv, 0, 16);
            byte[] previousPlaintext = Arrays.copyOfRange(iv, 16, 32);
            byte[] output = new byte[input.length];
            for (int offset = 0; offset < input.length; offset += 16) {
                byte[] block = Arrays.copyOfRange(input, offset, offset + 16);
                byte[] chainIn = encrypting ? previousCiphertext : previousPlaintext;
                byte[] chainOut = encrypting ? previousPlaintext : previousCiphertext;
                byte[] result = xor(ecb.doFinal(xor(block, chainIn)), chainOut);
                System.arraycopy(result, 0, output, offset, 16);
                previousCiphertext = encrypting ? result : block;
                previousPlaintext = encrypting ? block : result;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
