package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The MTProto 1.0 derivation kept for auth.bindTempAuthKey, against gotd's {@code kdf_v1_test.go} vectors. */
class MessageCryptoV1Test {
    /** auth_key[i] = i. */
    private static final AuthKey COUNTING_KEY = new AuthKey(TestBytes.counting(256));

    @Test
    void takesMsgKeyFromTheMiddleOfSha1() {
        byte[] plaintext = "bind-message-test-payload".getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(hex("fc11a3669566de22b87f66550dc3de6d"), MessageCryptoV1.msgKey(plaintext));
    }

    @Test
    void derivesClientKeyAndIv() {
        KeyIv keyIv = MessageCryptoV1.keyIv(COUNTING_KEY, TestBytes.counting(16), MessageCrypto.CLIENT);

        assertArrayEquals(hex("17d7295ca9213d1ab656acdb1ad48b2ea7f3a8f7095098d5508b900bbd5fccfc"), keyIv.key());
        assertArrayEquals(hex("2d7d16a65a84108e9805656caa474501cc580aa2edc33abfd0bfad785464d1c6"), keyIv.iv());
    }

    @Test
    void derivesServerKeyAndIv() {
        KeyIv keyIv = MessageCryptoV1.keyIv(COUNTING_KEY, TestBytes.counting(16), MessageCrypto.SERVER);

        assertArrayEquals(hex("bb17b07eb91110647098b069bd1a9b6fe5c4bcc3c31f8e67e831d07a61085f68"), keyIv.key());
        assertArrayEquals(hex("5197fc1e25b41fe36f18b5a3a8b2b36cb2cb061f1f157b3514fe42e74fb58359"), keyIv.iv());
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
