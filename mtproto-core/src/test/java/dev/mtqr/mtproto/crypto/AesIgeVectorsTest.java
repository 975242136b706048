package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published AES-IGE vectors: OpenSSL {@code test/igetest.c} (AES-128), grammers {@code grammers-crypto} (AES-256)
 * and tdlib {@code TEST(Crypto, AesIgeState)} (AES-256, inputs from tdlib's LCG, ciphertext checked by CRC32).
 */
class AesIgeVectorsTest {

    @Test
    void encryptsOpenSslVectorZero() {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] iv = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] plaintext = new byte[32];
        byte[] ciphertext = hex("1a8519a6557be652e9da8e43da4ef4453cf456b4ca488aa383c79c98b34797cb");

        assertArrayEquals(ciphertext, AesIge.encrypt(key, iv, plaintext));
        assertArrayEquals(plaintext, AesIge.decrypt(key, iv, ciphertext));
    }

    @Test
    void decryptsOpenSslVectorOne() {
        byte[] key = "This is an imple".getBytes(StandardCharsets.US_ASCII);
        byte[] iv = "mentation of IGE mode for OpenSS".getBytes(StandardCharsets.US_ASCII);
        byte[] ciphertext = "L. Let's hope Ben got it right!\n".getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext = hex("99706487a1cde613bc6de0b6f24b1c7aa448c8b9c3403e3467a8cad89340f53b");

        assertArrayEquals(hex("5468697320697320616e20696d706c65"), key);
        assertArrayEquals(plaintext, AesIge.decrypt(key, iv, ciphertext));
        assertArrayEquals(ciphertext, AesIge.encrypt(key, iv, plaintext));
    }

    @Test
    void encryptsAndDecryptsGrammersCountingBytes() {
        byte[] counting = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

        assertArrayEquals(hex("e28112a53e5c89c7b1ea8071c133699fd4e86b26c4bac9fc5af1ab8ce27a44a4"),
                AesIge.encrypt(counting, counting, counting));
        assertArrayEquals(hex("e5777afacd7b2c16f7ac40cae61ef603fee6098fb8a8860ab9ee672cd7e5bacc"),
                AesIge.decrypt(counting, counting, counting));
    }

    @Test
    void encryptsTdlibVectorsWrittenOut() {
        assertTdlibVector(16,
                "d48738a34a08cf4f4675a41f19d7cf52a7a7fc9962cf66174ea7d85bfdf8ad67",
                "92fcd0adc15bbb0dcb3079d88402a5d04ecc6b261ef6847a74593cdf653f6ed4",
                "6153cb81c0c03e6ffa5422dc1f595247",
                "11f422b6abcd37a927c1a8ebdbccdd5f");
        assertTdlibVector(32,
                "3ef36a602c7c290e9f61268b6ea7ff16fec2e55b47989477d17d5df8b1381eda",
                "8efd468ba172d4e8aeaa573d0e2ced49a7ed4639f052a1a8ef30cba53dcb25ad",
                "4c7b4aeccf62f232603b211f558bf57195491f5397d8db64620efab08c30dab5",
                "c7dc97b92ae0375496947e56678e2bf4b1b5f178a91dfa2ddeb69d9d5db2361c");
        assertTdlibVector(256,
                "04274ca6d84a957149c2516a665c5695cd560c68ae5b68c7c78af209686fc1f1",
                "6f087cb64bc259fcfb791fd80d7c26d0a28654d867c61f569bd890200eca3c79",
                """
                2da53cc4a135cad9fbd312d3484becb728dabefbc92d7e85eb61b5a7dc0478297b126f4038fad18f1097642d93377f9e
                e09709d8a5e4794022bcd6ab252bb75e0daf420eca342fe0d918c56a4a29d9b0bca2d4285d32abb7edf5e7b1ba789ddd
                a3b9756f1725a50c1599f5c92c61bb2c7b3cde2ab056d5270b4ca7fa5a2cebe6fc72c7a2e00cf3518557b58bfa20e553
                dea4e81e5f90b7d23d02d7c5c58660bad91af9e7e52ad8f2e994c5ef74a61664a41bb245292110f842563752bdc7bd98
                f9f0ca7fe5be152d0090e43559310e9f8ee0fbdecf49a0d8db8986e2002ec2c01d34fba9a10969428b8ad39e69048f45
                5c34832a114728b2c7da84b44efb2e74
                """,
                """
                90a1881c24ce1b43cca5f784cd7e247f7183b2cdf9f0e856d87b1163321a49ce89d849611a03c9284454bb4a2e1e7aa6
                a139f87474e9a5ebbfe75e776238197bcd226a2c1cf0d03a102804dcf208cc17d90552414008c1100d922116a01575e6
                a56d4dcbb67616605c2c637b9ac5a7a1f0bf1ad37483612c5a7a215f55d6e171f87162b1b10b60dd33cd87c6ffeaa873
                a20d86cb780c7678caa44db27569b839a3c23c6c16655049f47177085dcedec5ae6b9c21014e933e733801a92d881b7f
                9ed7df614730e5fa569b08cc3fd25b4f1d9a27490202223f748d5dd64368590e3c641f570ae7210b35a54caa6de47f31
                2a2abd170754ac9569357e7bf79397b3
                """);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"0, 0", "16, 2045698207", "32, 2423540300", "256, 525522475", "1024, 1545267325",
            "65536, 724143417"})
    void matchesTdlibCrc32OfCiphertext(int length, long crc32) {
        TdlibLcg lcg = new TdlibLcg(length);
        byte[] plaintext = lcg.next(length);
        byte[] key = lcg.next(32);
        byte[] iv = lcg.next(32);

        byte[] ciphertext = AesIge.encrypt(key, iv, plaintext);

        assertEquals(crc32, crc32(ciphertext));
        assertArrayEquals(plaintext, AesIge.decrypt(key, iv, ciphertext));
    }

    /** Checks the written-out vector, and that tdlib's LCG produces exactly its inputs. */
    private static void assertTdlibVector(int length, String key, String iv, String plaintext, String ciphertext) {
        TdlibLcg lcg = new TdlibLcg(length);
        assertArrayEquals(hex(plaintext), lcg.next(length));
        assertArrayEquals(hex(key), lcg.next(32));
        assertArrayEquals(hex(iv), lcg.next(32));

        assertArrayEquals(hex(ciphertext), AesIge.encrypt(hex(key), hex(iv), hex(plaintext)));
        assertArrayEquals(hex(plaintext), AesIge.decrypt(hex(key), hex(iv), hex(ciphertext)));
    }

    /** tdlib's generator: {@code seed = seed * 123457567 + 987651241; byte = (seed >> 23) & 255}, uint32. */
    private static final class TdlibLcg {
        private int seed;

        TdlibLcg(int seed) {
            this.seed = seed;
        }

        byte[] next(int count) {
            byte[] out = new byte[count];
            for (int i = 0; i < count; i++) {
                seed = seed * 123457567 + 987651241;
                out[i] = (byte) (seed >>> 23);
            }
            return out;
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
