package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyIvTest {

    @Test
    void toStringShowsSizesButNoBytes() {
        byte[] key = HexFormat.of().parseHex("704ed09c8b41668ae8f99d244738f71dbddc44469b6bbd4aa8573dd042bd059e");
        byte[] iv = HexFormat.of().parseHex("4d266000a550edabbf4c7ce40fd0043cc92230184cd317a5cc9c2482fd3b9318");

        String text = new KeyIv(key, iv).toString();

        assertEquals("KeyIv[key=32 bytes, iv=32 bytes]", text);
        for (byte[] secret : new byte[][] {key, iv}) {
            assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(secret, 0, 2)), text);
            assertFalse(text.contains(Arrays.toString(secret).substring(1, 8)), text);
        }
    }
}
