package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The padding {@link MessageCrypto#encrypt} adds (core.telegram.org/mtproto/description: 12..1024 bytes). */
class MessageCryptoPaddingTest {
    private static final AuthKey KEY = new AuthKey(new byte[AuthKey.BYTES]);

    @Test
    void addsTheShortestPaddingOfAtLeastTwelveBytes() {
        for (int length = 0; length < 64; length++) {
            List<Integer> requested = new ArrayList<>();
            RandomSource recording = bytes -> requested.add(bytes.length);

            byte[] message = MessageCrypto.encrypt(KEY, new byte[length], MessageCrypto.CLIENT, recording);

            int padding = message.length - 24 - length;
            assertEquals(List.of(padding), requested, "random bytes asked for at length " + length);
            assertEquals(0, (length + padding) % 16, "length " + length);
            assertEquals(12 + Math.floorMod(-(length + 12), 16), padding, "length " + length);
        }
    }

    @Test
    void addsExtraBlocksUpTo1024BytesOfPadding() {
        byte[] minimal = MessageCrypto.encrypt(KEY, new byte[36], MessageCrypto.CLIENT, RandomSource.secure());
        byte[] longest = MessageCrypto.encrypt(KEY, new byte[36], MessageCrypto.CLIENT, RandomSource.secure(), 63);

        assertEquals(24 + 48, minimal.length);
        assertEquals(minimal.length + 63 * 16, longest.length);
        assertEquals(1020, longest.length - 24 - 36);
    }

    @Test
    void refusesPaddingBeyond1024BytesOrNegativeBlocks() {
        byte[] plaintext = new byte[32];
        RandomSource random = RandomSource.secure();

        assertEquals(24 + 32 + 1024, MessageCrypto.encrypt(KEY, plaintext, MessageCrypto.CLIENT, random, 63).length);
        assertThrows(IllegalArgumentException.class,
                () -> MessageCrypto.encrypt(KEY, plaintext, MessageCrypto.CLIENT, random, 64));
        assertThrows(IllegalArgumentException.class,
                () -> MessageCrypto.encrypt(KEY, plaintext, MessageCrypto.CLIENT, random, -1));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(ints = {-8, 1, 4, 16})
    void refusesDirectionsOtherThanClientAndServer(int x) {
        byte[] msgKey = new byte[16];

        assertThrows(IllegalArgumentException.class,
                () -> MessageCrypto.encrypt(KEY, new byte[32], x, RandomSource.secure()));
        assertThrows(IllegalArgumentException.class, () -> MessageCrypto.decrypt(KEY, new byte[56], 0, 56, x));
        assertThrows(IllegalArgumentException.class, () -> MessageCrypto.keyIv(KEY, msgKey, x));
        assertThrows(IllegalArgumentException.class, () -> MessageCrypto.msgKey(KEY, msgKey, 0, 16, x));
    }
}
