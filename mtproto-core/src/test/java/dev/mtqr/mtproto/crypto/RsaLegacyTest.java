package dev.mtqr.mtproto.crypto;

import static dev.mtqr.mtproto.crypto.ReplayRandom.replaying;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The official example core.telegram.org/mtproto/samples-auth_key, which predates RSA_PAD. */
class RsaLegacyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final RsaPrivateKey SERVER_KEY = RsaPrivateKey.generate(2048);

    /** p_q_inner_data#83c95aec from the sample, serialized (96 bytes). */
    private static final byte[] SAMPLE_DATA = HEX.parseHex(
            "ec5ac9830817ed48941a08f98100000004494c553b0000000453911073000000"
            + "3e0549828cca27e966b301a48fece2fca5cf4d33f4a11ea877ba4aa573907330"
            + "311c85db234aa2640afc4a76a735cf5b1f0fd68bd17fa181e1229ad867cc024d");
    /** SHA1(data) as printed on the page. */
    private static final byte[] SAMPLE_SHA1 = HEX.parseHex("db761c27718a2305044f71f2ad951629d78b2449");
    /** RSA(data_with_hash, server_public_key) as printed on the page; its padding bytes are not given. */
    private static final byte[] SAMPLE_ENCRYPTED = HEX.parseHex(
            "7bb0100a523161904d9c69fa04bc60decfc5dd74b99995c768eb60d8716e2109"
            + "baf2d4601dab6b09610dc11067bb89021e09471fcfa52dbd0f23204ad8ca8b01"
            + "2bf40a112f44695ab6c266955386114ef5211e6372227adbd34995d3e0e5ff02"
            + "ec63a43f9926878962f7c570e6a6e78bf8366af917a5272675c46064be62e3e2"
            + "02efa8b1adfb1c32a898c2987be27b5f31d57c9bb963abcb734b16f652cedb42"
            + "93cbb7c878a3a3ffac9dbea9df7c67bc9e9508e111c78fc46e057f5c65ade381"
            + "d91fee430a6b576a99bdf8551fdb1be2b57069b1a45730618f27427e8a04720b"
            + "4971ef4a9215983d68f2830c3eaa6e40385562f970d38a05c9f1246dc33438e6");

    @Test
    void sampleUsesTheOldKeyWhoseFingerprintIsInResPq() {
        long fromWire = ByteBuffer.wrap(HEX.parseHex("216be86c022bb4c3")).order(ByteOrder.LITTLE_ENDIAN).getLong();
        RsaPublicKey oldKey = RsaPublicKey.parsePem(TelegramRsaKeyPems.OLD_1).get(0);
        assertEquals(0xc3b42b026ce86b21L, fromWire);
        assertEquals(fromWire, oldKey.fingerprint());
        assertEquals(256, SAMPLE_ENCRYPTED.length);
        assertTrue(new BigInteger(1, SAMPLE_ENCRYPTED).compareTo(oldKey.n()) < 0);
    }

    @Test
    void putsSha1AndDataBeforeThePadding() {
        byte[] padding = new byte[255 - 20 - SAMPLE_DATA.length];
        new Random(1).nextBytes(padding);
        byte[] encrypted = RsaLegacy.encrypt(SAMPLE_DATA, SERVER_KEY.publicKey(), replaying(padding));
        assertEquals(256, encrypted.length);

        byte[] dataWithHash = RsaLegacy.decrypt(encrypted, SERVER_KEY);
        assertEquals(255, dataWithHash.length);
        assertArrayEquals(SAMPLE_SHA1, Arrays.copyOfRange(dataWithHash, 0, 20));
        assertArrayEquals(SAMPLE_DATA, Arrays.copyOfRange(dataWithHash, 20, 20 + SAMPLE_DATA.length));
        assertArrayEquals(padding, Arrays.copyOfRange(dataWithHash, 20 + SAMPLE_DATA.length, 255));
        assertDoesNotThrow(() -> RsaLegacy.checkHash(dataWithHash, SAMPLE_DATA.length));
    }

    @Test
    void encryptsWithTextbookRsaOfTheOldKey() {
        RsaPublicKey oldKey = RsaPublicKey.parsePem(TelegramRsaKeyPems.OLD_1).get(0);
        byte[] padding = new byte[255 - 20 - SAMPLE_DATA.length];
        byte[] dataWithHash = new byte[255];
        System.arraycopy(SAMPLE_SHA1, 0, dataWithHash, 0, 20);
        System.arraycopy(SAMPLE_DATA, 0, dataWithHash, 20, SAMPLE_DATA.length);
        byte[] expected = BigIntegers.toFixed(oldKey.encryptRaw(new BigInteger(1, dataWithHash)), 256);
        assertArrayEquals(expected, RsaLegacy.encrypt(SAMPLE_DATA, oldKey, replaying(padding)));
    }

    @Test
    void refusesWrongHash() {
        byte[] dataWithHash = RsaLegacy.decrypt(
                RsaLegacy.encrypt(SAMPLE_DATA, SERVER_KEY.publicKey(), RandomSource.secure()), SERVER_KEY);
        byte[] tampered = dataWithHash.clone();
        tampered[20 + 40] ^= 1;
        assertRefused(() -> RsaLegacy.checkHash(tampered, SAMPLE_DATA.length));
        assertRefused(() -> RsaLegacy.checkHash(dataWithHash, SAMPLE_DATA.length - 4));
        assertRefused(() -> RsaLegacy.checkHash(dataWithHash, 236));
        assertRefused(() -> RsaLegacy.checkHash(dataWithHash, -1));
    }

    @Test
    void refusesValuesThatDoNotDecryptTo255Bytes() {
        byte[] tooLong = new byte[256];
        Arrays.fill(tooLong, (byte) 0x11);
        byte[] encrypted = BigIntegers.toFixed(SERVER_KEY.publicKey().encryptRaw(new BigInteger(1, tooLong)), 256);
        assertRefused(() -> RsaLegacy.decrypt(encrypted, SERVER_KEY));
        assertRefused(() -> RsaLegacy.decrypt(BigIntegers.toFixed(SERVER_KEY.n(), 256), SERVER_KEY));
    }

    @Test
    void refusesMoreThan235Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaLegacy.encrypt(new byte[236], SERVER_KEY.publicKey(), RandomSource.secure()));
    }

    private static void assertRefused(Executable executable) {
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, executable).check());
    }
}
