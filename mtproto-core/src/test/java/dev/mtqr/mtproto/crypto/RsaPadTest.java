package dev.mtqr.mtproto.crypto;

import static dev.mtqr.mtproto.crypto.ReplayRandom.replaying;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RsaPadTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final RsaPrivateKey SERVER_KEY = RsaPrivateKey.generate(2048);

    /** grammers rsa.rs test_rsa_encryption, with the test DC key; it needs one retry. */
    @Test
    void encryptsLikeGrammers() {
        byte[] data = HEX.parseHex("955ff5a9081a8e635f5743de9b00000004453dc27100000004622f1fcb000000"
                + "f7a81627bbf511fa4afef71e94a0937474586c1add9198dda81a5df8393871c8"
                + "293623c5fb968894af1be7dfe9c7be813f9307789242fd0cb0c16a5cb39a8d3e");
        byte[] random224 = HEX.parseHex("12270000635593b03fee033d0672f9afddf9124de9e77df6251806cba93482e4"
                + "c9e6e06e7d44e4c4baae821aff91af44789689faaee9bdfc7b2df8c08709afe5"
                + "7396c4638ceaa0dc30114f82447e81d3b53edc423b32660c43a5b8ad057b6450"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "7dada0920c4973913229e0f881aec7b9db0c392d34f52fb0995ea493ecb4c09d");
        byte[] expected = HEX.parseHex("b610642a828b4a61fe32931815cae318d311660580f1e0df768f3140f4d37dfc"
                + "fcac0c2870318de4ff2d2e0e9669bcfdc0bad06cadb1b59d9726b427368a9c7b"
                + "4fc0d5e7b2e99fc571968705c03acf5341fd7021bef653fa77b3776ae430e366"
                + "fc46d232459ebe128b08d80e049ae579a48b56ca93b520709468587c81af9666"
                + "6046e9ea85091d729e921e8d8a36f57b27644052dae7387c7f4131701d59cda7"
                + "5251dac66c94276280ef950d3c44c21e5a2454f7da7a6818cf23ae9c490b72b2"
                + "170d7cbc24f8a93db739d76f2d241c78b80123faaff3e664f074d6375d794dbf"
                + "2800a0b5bb48d54eceafedfb355bfbebd287d9023264e3b53627888250787a9e");
        // The first temp_key gives key_aes_encrypted >= n; grammers retries with temp_key + 1 (big-endian), which
        // here is a second draw of the same padding and that key.
        byte[] retry = random224.clone();
        retry[223]++;
        ReplayRandom random = replaying(random224, retry);
        RsaPublicKey testKey = RsaPublicKey.parsePem(TelegramRsaKeyPems.TEST).get(0);
        assertArrayEquals(expected, RsaPad.encrypt(data, testKey, random));
        random.assertAllUsed();
    }

    /** gotd crypto/rsa_pad_test.go TestRSAPad: 144 × 'a', all-zero randomness, the production key. */
    @Test
    void encryptsLikeGotd() {
        byte[] data = new byte[144];
        Arrays.fill(data, (byte) 'a');
        byte[] expected = HEX.parseHex("bf68719e836806b040cd261ecaf66eb3c4ba19f3bbea3031b2e6cf29167bab64"
                + "7201d101b291dc5b716a42e789a38d947fe59e9bcce8f30ef46a946743ea8b6b"
                + "abbce7fc0afc46b802aa453e83471d82a4dfad83f971f350b4b4fb474cd1c48f"
                + "df427e4b5fecce9ec3178ae7dac3985856fdefa21d6fdc5e0e0fd8a57bc4f515"
                + "80d637d372be8d87c9aa3fde8e6f8287bcb3be846aadcdd59465375479e248f6"
                + "2ed438f9804fbe36d41ca906243a5f740f3937949aa149ba8a8b8e68b3f3e1e3"
                + "cd3f946387520e21eee55845e1f015a919a22f6a72bfaecd2cae946c91983b41"
                + "f9ffabe97963bbde8f30eaf5fd3c5b8cecab8711bd269e441b6084f385726ff0");
        RsaPublicKey productionKey = RsaPublicKey.parsePem(TelegramRsaKeyPems.PRODUCTION).get(0);
        ReplayRandom random = replaying(new byte[224]);
        assertArrayEquals(expected, RsaPad.encrypt(data, productionKey, random));
        random.assertAllUsed();
    }

    @Test
    void decryptsWhatItEncrypts() {
        byte[] data = HEX.parseHex("955ff5a9081a8e635f5743de9b");
        byte[] encrypted = RsaPad.encrypt(data, SERVER_KEY.publicKey(), RandomSource.secure());
        assertEquals(256, encrypted.length);
        byte[] dataWithPadding = RsaPad.decrypt(encrypted, SERVER_KEY);
        assertEquals(192, dataWithPadding.length);
        assertArrayEquals(data, Arrays.copyOf(dataWithPadding, data.length));
    }

    @Test
    void decryptReturnsDataFollowedByTheRandomPadding() {
        byte[] data = {1, 2, 3};
        Random seeded = new Random(7);
        List<byte[]> draws = new ArrayList<>();
        byte[] encrypted = RsaPad.encrypt(data, SERVER_KEY.publicKey(), bytes -> {
            seeded.nextBytes(bytes);
            draws.add(bytes.clone());
        });
        byte[] random224 = draws.get(draws.size() - 1);
        byte[] expected = new byte[192];
        System.arraycopy(data, 0, expected, 0, 3);
        System.arraycopy(random224, 0, expected, 3, 189);
        assertArrayEquals(expected, RsaPad.decrypt(encrypted, SERVER_KEY));
    }

    @Test
    void takesFresh224BytesForEachRetry() {
        // n just above 2^2047: about half the attempts give key_aes_encrypted >= n and must retry.
        RsaPublicKey key = new RsaPublicKey(BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE), BigInteger.valueOf(3));
        Random seeded = new Random(42);
        int retries = 0;
        for (int i = 0; i < 20; i++) {
            List<byte[]> draws = new ArrayList<>();
            byte[] encrypted = RsaPad.encrypt(new byte[] {9}, key, bytes -> {
                seeded.nextBytes(bytes);
                draws.add(bytes.clone());
            });
            draws.forEach(draw -> assertEquals(224, draw.length));
            retries += draws.size() - 1;
            byte[] last = draws.get(draws.size() - 1);
            assertArrayEquals(encrypted, RsaPad.encrypt(new byte[] {9}, key, replaying(last)));
        }
        assertTrue(retries > 0, "no attempt needed a retry");
    }

    @Test
    void refusesMoreThan144Bytes() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaPad.encrypt(new byte[145], SERVER_KEY.publicKey(), RandomSource.secure()));
    }

    @Test
    void refusesKeysThatAreNot2048Bits() {
        RsaPrivateKey small = RsaPrivateKey.generate(1024);
        assertThrows(IllegalArgumentException.class,
                () -> RsaPad.encrypt(new byte[1], small.publicKey(), RandomSource.secure()));
    }

    @Test
    void refusesTamperedData() {
        byte[] encrypted = RsaPad.encrypt(new byte[] {1, 2, 3}, SERVER_KEY.publicKey(), RandomSource.secure());
        for (int index : new int[] {0, 100, 255}) {
            byte[] tampered = encrypted.clone();
            tampered[index] ^= 0x01;
            assertRefused(() -> RsaPad.decrypt(tampered, SERVER_KEY));
        }
    }

    @Test
    void refusesDataForAnotherKey() {
        RsaPublicKey production = RsaPublicKey.parsePem(TelegramRsaKeyPems.PRODUCTION).get(0);
        byte[] encrypted = RsaPad.encrypt(new byte[] {1, 2, 3}, production, RandomSource.secure());
        assertRefused(() -> RsaPad.decrypt(encrypted, SERVER_KEY));
        byte[] forOther = RsaPad.encrypt(new byte[] {1, 2, 3}, RsaPrivateKey.generate(2048).publicKey(),
                RandomSource.secure());
        assertRefused(() -> RsaPad.decrypt(forOther, SERVER_KEY));
    }

    @Test
    void refusesValuesNotBelowModulus() {
        assertRefused(() -> RsaPad.decrypt(BigIntegers.toFixed(SERVER_KEY.n(), 256), SERVER_KEY));
        byte[] longer = new byte[257];
        longer[256] = 1;
        assertRefused(() -> RsaPad.decrypt(longer, SERVER_KEY));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable decrypt) {
        assertEquals(SecurityCheckException.Check.RSA,
                assertThrows(SecurityCheckException.class, decrypt).check());
    }
}
