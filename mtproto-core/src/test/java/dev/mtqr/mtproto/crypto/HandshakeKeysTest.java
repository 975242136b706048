package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** tmp_aes_key/tmp_aes_iv from server_nonce and new_nonce (core.telegram.org/mtproto/auth_key, step 5). */
class HandshakeKeysTest {

    @Test
    void derivesTheOfficialSampleKeyAndIv() {
        byte[] serverNonce = hex("A5CF4D33F4A11EA877BA4AA573907330");
        byte[] newNonce = hex("311C85DB234AA2640AFC4A76A735CF5B1F0FD68BD17FA181E1229AD867CC024D");

        KeyIv tmp = HandshakeKeys.tmpAesKeyIv(serverNonce, newNonce);

        assertArrayEquals(hex("F011280887C7BB01DF0FC4E17830E0B91FBB8BE4B2267CB985AE25F33B527253"), tmp.key());
        assertArrayEquals(hex("3212D579EE35452ED23E0D0C92841AA7D31B2E9BDEF2151E80D15860311C85DB"), tmp.iv());
    }

    /** grammers {@code key_from_nonce}: server_nonce = 00..0f, new_nonce = 00..1f. */
    @Test
    void derivesGrammersCountingNoncesKeyAndIv() {
        KeyIv tmp = HandshakeKeys.tmpAesKeyIv(TestBytes.counting(16), TestBytes.counting(32));

        assertArrayEquals(hex("0758f1533b615d24f6e8a94a6fcbee0a55eaab2217d7295ca9213d1a2d7d16a6"), tmp.key());
        assertArrayEquals(hex("5a84108e9805656ce864070e166e6218f6783e8511471a5ab7802cf200010203"), tmp.iv());
    }

    /** Telethon {@code test_generate_key_data_from_nonce}: the nonces are little-endian integers. */
    @Test
    void derivesTelethonIntegerNoncesKeyAndIv() {
        byte[] serverNonce = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(123456789).array();
        byte[] newNonce = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(1234567).array();

        KeyIv tmp = HandshakeKeys.tmpAesKeyIv(serverNonce, newNonce);

        assertArrayEquals(hex("345c11141f0a9f0fe4026bcf5a3b6b41ab96cac1c29557d087450e01a001a990"), tmp.key());
        assertArrayEquals(hex("d40823854f5e0ef2518c58a4ef76e3476cd91004f32ff8cbbbdca87587d61200"), tmp.iv());
    }

    @Test
    void refusesNoncesOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> HandshakeKeys.tmpAesKeyIv(new byte[15], new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> HandshakeKeys.tmpAesKeyIv(new byte[16], new byte[16]));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
