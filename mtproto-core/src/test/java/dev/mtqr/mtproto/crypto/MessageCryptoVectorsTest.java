package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * MTProto 2.0 vectors from grammers {@code grammers-crypto} and gotd {@code crypto} (the same values): the key/iv
 * derivation in both directions, a whole client message and a whole server message.
 */
class MessageCryptoVectorsTest {
    /** auth_key[i] = i. */
    private static final AuthKey COUNTING_KEY = new AuthKey(TestBytes.counting(256));

    /** The server-to-client vector's key. */
    private static final AuthKey SERVER_VECTOR_KEY = new AuthKey(hex("""
            5d2e7d65f49ec28bd029a88761ea27b8a4c79f12226525443e7d7c596ef3303530db2107e89aa997c7a0164ab694187a
            deff156bd6ef7118a1962347753c0e7e89a0354b8ec364f9997e71bc6923fb86e8e43491e010606a6ce845e2fa019409
            77ef0aa32adf5a97dbf6d428ec0434d717a2d3ad19622cc05887642113c7965ffb862a3e3ccb0ab95addda57f89245db
            d76b492348f8e94bd5a7c0e0b84808523cfd1ea80b32fe9ad198bc2e103fceb7d52492ecc0273a28674bc923eee59265
            ab17a002df1f4aa2c59b819a5e5e1d105ec117336f5c76c6b187037d4b4270cee9cc21071d97e9bca220c6d7b01b998c
            f2e5cdb9a50ecda1852a36e635690c8e
            """));

    @Test
    void derivesClientKeyAndIv() {
        KeyIv keyIv = MessageCrypto.keyIv(COUNTING_KEY, TestBytes.counting(16), MessageCrypto.CLIENT);

        assertArrayEquals(hex("704ed09c8b41668ae8f99d244738f71dbddc44469b6bbd4aa8573dd042bd059e"), keyIv.key());
        assertArrayEquals(hex("4d266000a550edabbf4c7ce40fd0043cc92230184cd317a5cc9c2482fd3b9318"), keyIv.iv());
    }

    @Test
    void derivesServerKeyAndIv() {
        KeyIv keyIv = MessageCrypto.keyIv(COUNTING_KEY, TestBytes.counting(16), MessageCrypto.SERVER);

        assertArrayEquals(hex("217725799b245806458174a1fcfbc883906807b15033fdd0ea2b4d69cf9c364e"), keyIv.key());
        assertArrayEquals(hex("669a6538917a4fa56ca32360a431c9160be4ad887140980dab91ce7bdc47ffbc"), keyIv.iv());
    }

    @Test
    void writesAuthKeyIdAndAuxHashLittleEndian() {
        assertArrayEquals(hex("32d1586ea457dfc8"), littleEndian(COUNTING_KEY.id()));
        assertArrayEquals(hex("4916d6bdb7f78e68"), littleEndian(COUNTING_KEY.auxHash()));
    }

    @Test
    void encryptsClientMessageWithZeroPadding() {
        byte[] plaintext = "Hello, world! This data should remain secure!".getBytes(StandardCharsets.US_ASCII);
        RandomSource zeros = bytes -> Arrays.fill(bytes, (byte) 0);

        byte[] message = MessageCrypto.encrypt(COUNTING_KEY, plaintext, MessageCrypto.CLIENT, zeros);

        assertArrayEquals(hex("""
            32d1586ea457dfc8a81729d46db54019a2bfd7f744f9b96c4f716cfdc4477db2a2c15f6ddb85235fb9552f1d8407c6aa
            ea00cc844c5a1bf6ac44b79b5edc2a23868b3d6073a590992c0f2975243d563ea180d218ee757c9a
            """), message);
        byte[] padded = Arrays.copyOf(plaintext, 64);
        byte[] msgKey = MessageCrypto.msgKey(COUNTING_KEY, padded, 0, padded.length, MessageCrypto.CLIENT);
        assertArrayEquals(hex("a81729d46db54019a2bfd7f744f9b96c"), msgKey);
        KeyIv keyIv = MessageCrypto.keyIv(COUNTING_KEY, msgKey, MessageCrypto.CLIENT);
        assertArrayEquals(hex("2d689d7521c73c1ebba0211aa5baa00f428c636adf5b26e46894867ac6e4eb58"), keyIv.key());
        assertArrayEquals(hex("5a1ce9345d4b5db43787e7885d67597e51804bbf968fb781c5000182ba631c9c"), keyIv.iv());
    }

    @Test
    void decryptsServerMessage() {
        byte[] message = hex("""
            7a7183c2c10e4f4df945fa9a9abd35e7c3840b61f045304f39674c19c0e209784f50f6226a073529d675c92cbf0bfa8c
            99a79b3f39c72a5d9a026d431ab7407ca04ecc55187d6c45f17871524edd90cea02ed728e14d7cb18aea2a636158f094
            59a9437710d894c79f368c4e8164b7647ea98612aefe942c5d92121acb8db02dccceb66d0f8720ac12a06db0582bfd95
            5be34f365118e3bab8cd080ce6b45b28eac56dcd2a29374e
            """);

        byte[] plaintext = MessageCrypto.decrypt(SERVER_VECTOR_KEY, message, 0, message.length, MessageCrypto.SERVER);

        assertArrayEquals(hex("""
            fc826a02248b28fd60f2c4822443ad6801f0c1c2918b305e0200000058000000dcf8f1730200000001a8c1c2918b305e
            010000001c0000000809c29ec4fd33ad918b305e18a88ea607ee5816fc826a02248b28fd01ccc1c2918b305e02000000
            14000000c5737734c4fd33ad918b305e6408300000000000fce66704a3cd8ee9d0ae6fab672c60c04a3f1fd4490e51f6
            """), plaintext);
        assertArrayEquals(hex("7a7183c2c10e4f4d"), littleEndian(SERVER_VECTOR_KEY.id()));
        byte[] msgKey = hex("f945fa9a9abd35e7c3840b61f045304f");
        assertArrayEquals(msgKey, Arrays.copyOfRange(message, 8, 24));
        KeyIv keyIv = MessageCrypto.keyIv(SERVER_VECTOR_KEY, msgKey, MessageCrypto.SERVER);
        assertArrayEquals(hex("39ed549b653074095a86a6b00d999fb90b98bcb81b4e53a5e6410e7e13320579"), keyIv.key());
        assertArrayEquals(hex("f319644a55bd36949fbf5f0e202bd931408b008c533002cb7ae956aeb11583fb"), keyIv.iv());
    }

    @Test
    void decryptsAMessageGivenAtAnOffset() {
        byte[] message = MessageCrypto.encrypt(COUNTING_KEY, new byte[32], MessageCrypto.SERVER, bytes -> { });
        byte[] framed = new byte[5 + message.length + 3];
        System.arraycopy(message, 0, framed, 5, message.length);

        byte[] fromFrame = MessageCrypto.decrypt(COUNTING_KEY, framed, 5, message.length, MessageCrypto.SERVER);

        assertArrayEquals(MessageCrypto.decrypt(COUNTING_KEY, message, 0, message.length, MessageCrypto.SERVER),
                fromFrame);
    }

    private static byte[] littleEndian(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
