package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RsaPrivateKeyTest {
    private static final RsaPrivateKey KEY = RsaPrivateKey.generate(2048);

    @Test
    void generatesA2048BitKeyWithExponent65537() {
        assertEquals(2048, KEY.n().bitLength());
        assertEquals(BigInteger.valueOf(65537), KEY.e());
        assertEquals(new RsaPublicKey(KEY.n(), KEY.e()), KEY.publicKey());
    }

    @Test
    void decryptsWhatThePublicKeyEncrypts() {
        BigInteger m = new BigInteger("1234567890abcdef1234567890abcdef", 16);
        assertEquals(m, KEY.decryptRaw(KEY.publicKey().encryptRaw(m)));
    }

    @Test
    void refusesCiphertextNotBelowModulus() {
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, () -> KEY.decryptRaw(KEY.n())).check());
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, () -> KEY.decryptRaw(KEY.n().add(BigInteger.TEN))).check());
    }

    @Test
    void toStringHidesThePrivateExponent() {
        String text = KEY.toString();
        assertFalse(text.contains(KEY.d().toString()), text);
        assertFalse(text.contains(KEY.d().toString(16)), text);
        assertTrue(text.contains(String.format("%016x", KEY.publicKey().fingerprint())), text);
    }
}
