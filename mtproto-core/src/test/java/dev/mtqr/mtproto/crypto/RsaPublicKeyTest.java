package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RsaPublicKeyTest {
    /** tdlib test/mtproto.cpp TEST(Mtproto, RSA): an arbitrary 2048-bit PKCS#1 key. */
    private static final String TDLIB_PEM = """
            -----BEGIN RSA PUBLIC KEY-----
            MIIBCgKCAQEAr4v4wxMDXIaMOh8bayF/NyoYdpcysn5EbjTIOZC0RkgzsRj3SGlu
            52QSz+ysO41dQAjpFLgxPVJoOlxXokaOq827IfW0bGCm0doT5hxtedu9UCQKbE8j
            lDOk+kWMXHPZFJKWRgKgTu9hcB3y3Vk+JFfLpq3d5ZB48B4bcwrRQnzkx5GhWOFX
            x73ZgjO93eoQ2b/lDyXxK4B4IS+hZhjzezPZTI5upTRbs5ljlApsddsHrKk6jJNj
            8Ygs/ps8e6ct82jLXbnndC9s8HjEvDvBPH9IPjv5JUlmHMBFZ5vFQIfbpo0u0+1P
            n6bkEi5o7/ifoyVv2pAZTRwppTz0EuXD8QIDAQAB
            -----END RSA PUBLIC KEY-----
            """;

    /** gotd crypto/rsa_fingerpting_test.go: a 1024-bit PKIX key. */
    private static final String GOTD_PKIX_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCJhOrkbrOi7/fFQRN2+8W5+Inx
            bdxo7XH5DDKgFvXPDDe8cQINO3/kFat7KlpC2n2sS8ApZQkmREANg0XpImL9lCHB
            v1FgQmL0xtnaURKo7FzaoaL4jCf5556NQr1th9F3oeN67mR4+BF0vPP9Gu6GY5Z1
            BSqi+FEREW/2aWSgSwIDAQAB
            -----END PUBLIC KEY-----
            """;

    /** grammers rsa.rs test_rsa_encryption: n of the test DC key. */
    private static final BigInteger TEST_KEY_N = new BigInteger("2534288944884041556497168959071347320689884775908477"
            + "90525820265945460224638539405858852159511684919657082226493991806038180742006204637761354248846321625124"
            + "03163793083921641631564740959529419359595852941166848940585952337613333022396096584117954892216031229237"
            + "30294370187758845673833539860246167522508179182039315375750495263623495132323782003654358104782690612092"
            + "79724873668052921157922314236842612623303943247507854509425897517553901566477514607193514399690599495696"
            + "15302809050721500330239005077889855323917509948255722081644689442127297605422579707142646660768825302832"
            + "201908302295573257427896031830742328565032949");

    @Test
    void fingerprintsPkcs1KeyLikeTdlib() {
        assertEquals(-7596991558377038078L, only(TDLIB_PEM).fingerprint());
    }

    @Test
    void fingerprintsPkixKeyLikeGotd() {
        RsaPublicKey key = only(GOTD_PKIX_PEM);
        assertEquals(1024, key.n().bitLength());
        assertEquals(1914007313702140277L, key.fingerprint());
    }

    static Stream<Arguments> telegramKeys() {
        return Stream.of(
                Arguments.of("production", TelegramRsaKeyPems.PRODUCTION, TelegramRsaKeyPems.PRODUCTION_FINGERPRINT),
                Arguments.of("test", TelegramRsaKeyPems.TEST, TelegramRsaKeyPems.TEST_FINGERPRINT),
                Arguments.of("legacy 1", TelegramRsaKeyPems.LEGACY_1, TelegramRsaKeyPems.LEGACY_1_FINGERPRINT),
                Arguments.of("legacy 2", TelegramRsaKeyPems.LEGACY_2, TelegramRsaKeyPems.LEGACY_2_FINGERPRINT),
                Arguments.of("legacy 3", TelegramRsaKeyPems.LEGACY_3, TelegramRsaKeyPems.LEGACY_3_FINGERPRINT),
                Arguments.of("legacy 4", TelegramRsaKeyPems.LEGACY_4, TelegramRsaKeyPems.LEGACY_4_FINGERPRINT),
                Arguments.of("old 1", TelegramRsaKeyPems.OLD_1, TelegramRsaKeyPems.OLD_1_FINGERPRINT),
                Arguments.of("old 2", TelegramRsaKeyPems.OLD_2, TelegramRsaKeyPems.OLD_2_FINGERPRINT),
                Arguments.of("old 3", TelegramRsaKeyPems.OLD_3, TelegramRsaKeyPems.OLD_3_FINGERPRINT),
                Arguments.of("old 4", TelegramRsaKeyPems.OLD_4, TelegramRsaKeyPems.OLD_4_FINGERPRINT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("telegramKeys")
    void fingerprintsTelegramServerKeys(String name, String pem, long fingerprint) {
        RsaPublicKey key = only(pem);
        assertEquals(2048, key.n().bitLength());
        assertEquals(BigInteger.valueOf(65537), key.e());
        assertEquals(fingerprint, key.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("telegramKeys")
    void writesTelegramKeysBackAsTheyArePublished(String name, String pem, long fingerprint) {
        assertEquals(pem, only(pem).toPem());
    }

    @Test
    void fingerprintsMatchTheConstantsGrammersHardCodes() {
        assertEquals(-3414540481677951611L, TelegramRsaKeyPems.PRODUCTION_FINGERPRINT);
        assertEquals(-5595554452916591101L, TelegramRsaKeyPems.TEST_FINGERPRINT);
        assertEquals(TEST_KEY_N, only(TelegramRsaKeyPems.TEST).n());
    }

    @Test
    void parsesEveryBlockAndIgnoresTextBetweenThem() {
        String text = "# keys\n" + TelegramRsaKeyPems.PRODUCTION + "\nsome comment\n" + GOTD_PKIX_PEM
                + "trailing text\n" + TelegramRsaKeyPems.TEST;
        List<Long> fingerprints = RsaPublicKey.parsePem(text).stream().map(RsaPublicKey::fingerprint).toList();
        assertEquals(List.of(TelegramRsaKeyPems.PRODUCTION_FINGERPRINT, 1914007313702140277L,
                TelegramRsaKeyPems.TEST_FINGERPRINT), fingerprints);
    }

    @Test
    void parsesCrlfAndUnwrappedBase64() {
        String body = TelegramRsaKeyPems.PRODUCTION.lines().filter(l -> !l.startsWith("-----"))
                .reduce("", String::concat);
        String pem = "-----BEGIN RSA PUBLIC KEY-----\r\n" + body + "\r\n-----END RSA PUBLIC KEY-----\r\n";
        assertEquals(TelegramRsaKeyPems.PRODUCTION_FINGERPRINT, only(pem).fingerprint());
    }

    @Test
    void refusesTextWithoutKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RsaPublicKey.parsePem("no keys here"));
        assertTrue(e.getMessage().contains("no '-----BEGIN"), e.getMessage());
    }

    @Test
    void refusesUnterminatedBlock() {
        String pem = TelegramRsaKeyPems.PRODUCTION.replace("-----END RSA PUBLIC KEY-----", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPublicKey.parsePem(pem));
        assertTrue(e.getMessage().contains("has no '-----END RSA PUBLIC KEY-----'"), e.getMessage());
    }

    @Test
    void refusesBadBase64() {
        String pem = TelegramRsaKeyPems.PRODUCTION.replace("MIIBCgKCAQEA", "MIIBCgKC*QEA");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPublicKey.parsePem(pem));
        assertTrue(e.getMessage().contains("bad base64"), e.getMessage());
    }

    @Test
    void refusesTruncatedDer() {
        String pem = "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA6LszBcC1LGzy\n-----END RSA PUBLIC KEY-----\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPublicKey.parsePem(pem));
        assertTrue(e.getMessage().contains("not a valid RSA public key"), e.getMessage());
    }

    @Test
    void refusesOtherBlockTypes() {
        String pem = TelegramRsaKeyPems.PRODUCTION.replace("RSA PUBLIC KEY", "CERTIFICATE");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsaPublicKey.parsePem(pem));
        assertTrue(e.getMessage().contains("'CERTIFICATE'"), e.getMessage());
    }

    @Test
    void refusesPkcs1BodyLabelledAsPkix() {
        String pem = TelegramRsaKeyPems.PRODUCTION.replace("RSA PUBLIC KEY", "PUBLIC KEY");
        assertThrows(IllegalArgumentException.class, () -> RsaPublicKey.parsePem(pem));
    }

    /** tdlib's raw RSA check: the first 256 bytes of the PEM text, as a number, to the power e mod n. */
    @Test
    void encryptsRawLikeTdlib() {
        byte[] message = Arrays.copyOf(TDLIB_PEM.getBytes(StandardCharsets.US_ASCII), 256);
        byte[] expected = HexFormat.of().parseHex("45586017d0c547a329597e47070bcb026724294f357f76dc6f9d9b5589542254"
                + "f942ee08456ca3f5b2bc835d87adc8ad9c16fc68b4b6609d5e72873f1b3c541723999766d709a5194b6de8976150540dde"
                + "730e3317d0547e5667717e9a77297c76deda464c0ae9222a624d9d40d448d054344e45d783d6b5225cb68c4b0165a11cdc"
                + "9702851987fbec3920a271f50a098d2bf9fc603d2d311ca9355abc438e52f3cf9109f01c3000b14826ef9ceb86193cd00f"
                + "408e5105c280bbaf817aaa2004379d493114868d14322ce2ecaf5fbda9fd91c00188cb60ebde459bbc05b8c1d7a4c072df"
                + "f8f448942ec5d54d627199149ae2510e1b60a928ed09166370f43f2e");
        BigInteger result = only(TDLIB_PEM).encryptRaw(new BigInteger(1, message));
        assertArrayEquals(expected, BigIntegers.toFixed(result, 256));
    }

    @Test
    void refusesRawInputNotBelowModulus() {
        RsaPublicKey key = only(TelegramRsaKeyPems.PRODUCTION);
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, () -> key.encryptRaw(key.n())).check());
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, () -> key.encryptRaw(BigInteger.ONE.negate())).check());
    }

    private static RsaPublicKey only(String pem) {
        List<RsaPublicKey> keys = RsaPublicKey.parsePem(pem);
        assertEquals(1, keys.size());
        return keys.get(0);
    }
}
