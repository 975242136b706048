package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receive-side checks of {@link MessageCrypto#decrypt} at their boundaries, and in their order. */
class MessageCryptoChecksTest {
    private static final AuthKey KEY = new AuthKey(randomBytes(AuthKey.BYTES, 7));

    /** 96 bytes of plaintext: 32 of header leave 64 for data and padding. */
    @ParameterizedTest(name = "message_data_length {0} -> {1}")
    @CsvSource({"52, ACCEPTED", "56, PADDING", "48, ACCEPTED", "0, ACCEPTED", "64, PADDING", "68, MESSAGE_LENGTH",
            "50, MESSAGE_LENGTH", "-4, MESSAGE_LENGTH", "2147483644, MESSAGE_LENGTH"})
    void checksMessageDataLengthAndPaddingAtTheBoundaries(int dataLength, String outcome) {
        byte[] inner = CraftedMessage.withDataLength(randomBytes(96, dataLength), dataLength);
        byte[] message = CraftedMessage.seal(KEY, inner, MessageCrypto.SERVER);

        if (outcome.equals("ACCEPTED")) {
            assertArrayEquals(inner, MessageCrypto.decrypt(KEY, message, 0, message.length, MessageCrypto.SERVER));
        } else {
            assertEquals(Check.valueOf(outcome), rejection(message, MessageCrypto.SERVER).check());
        }
    }

    @Test
    void acceptsExactly1024BytesOfPadding() {
        byte[] atLimit = CraftedMessage.withDataLength(new byte[32 + 1024], 0);
        byte[] overLimit = CraftedMessage.withDataLength(new byte[32 + 1024 + 16], 12);  // 1028 bytes
        byte[] sealedAtLimit = CraftedMessage.seal(KEY, atLimit, MessageCrypto.CLIENT);
        byte[] sealedOverLimit = CraftedMessage.seal(KEY, overLimit, MessageCrypto.CLIENT);

        assertArrayEquals(atLimit,
                MessageCrypto.decrypt(KEY, sealedAtLimit, 0, sealedAtLimit.length, MessageCrypto.CLIENT));
        assertEquals(Check.PADDING, rejection(sealedOverLimit, MessageCrypto.CLIENT).check());
    }

    @Test
    void checksMsgKeyBeforeReadingTheLength() {
        byte[] inner = CraftedMessage.withDataLength(randomBytes(64, 1), 1_000_000);
        byte[] message = CraftedMessage.seal(KEY, inner, MessageCrypto.CLIENT);
        message[message.length - 1] ^= 1;

        assertEquals(Check.MSG_KEY, rejection(message, MessageCrypto.CLIENT).check());
    }

    @Test
    void checksTheLengthBeforeTheAuthKeyId() {
        byte[] tooShort = new byte[24 + 16];

        assertEquals(Check.MESSAGE_LENGTH, rejection(tooShort, MessageCrypto.CLIENT).check());
    }

    @Test
    void namesNeitherKeyNorPlaintextWhenItRejects() {
        byte[] inner = CraftedMessage.withDataLength(randomBytes(64, 2), 40);
        byte[] message = CraftedMessage.seal(KEY, inner, MessageCrypto.CLIENT);

        String text = rejection(message, MessageCrypto.CLIENT).getMessage();

        HexFormat hex = HexFormat.of();
        assertFalse(text.contains(hex.formatHex(KEY.bytes(), 0, 4)), text);
        assertFalse(text.contains(hex.formatHex(inner, 0, 4)), text);
        assertFalse(text.contains("40"), text);
    }

    private static SecurityCheckException rejection(byte[] message, int x) {
        return assertThrows(SecurityCheckException.class,
                () -> MessageCrypto.decrypt(KEY, message, 0, message.length, x));
    }

    private static byte[] randomBytes(int count, long seed) {
        byte[] out = new byte[count];
        new Random(seed).nextBytes(out);
        return out;
    }
}
