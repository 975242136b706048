package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mtqr.mtproto.crypto.AuthKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Assertions that a text (a toString, a log line, an error message) gives away no secret. */
final class SecretText {
    private SecretText() {
    }

    /** No 8-byte run of the key in hex (any case), no Base64 of it, no decimal byte list. */
    static void assertNoKeyBytes(String text, AuthKey key) {
        byte[] bytes = key.bytes();
        String lower = text.toLowerCase(Locale.ROOT);
        String hex = HexFormat.of().formatHex(bytes);
        for (int i = 0; i + 16 <= hex.length(); i += 2) {
            String run = hex.substring(i, i + 16);
            assertFalse(lower.contains(run), () -> "key bytes (hex " + run + ") in: " + text);
        }
        String base64 = Base64.getEncoder().encodeToString(bytes);
        for (int i = 0; i + 12 <= base64.length(); i += 4) {
            String run = base64.substring(i, i + 12);
            assertFalse(text.contains(run), () -> "key bytes (base64) in: " + text);
        }
        String list = Arrays.toString(Arrays.copyOf(bytes, 6));
        assertFalse(text.contains(list.substring(1, list.length() - 1)), () -> "key bytes (decimal) in: " + text);
    }

    /** Neither the signed nor the unsigned decimal, nor the hex of {@code salt}, nor its bytes in hex. */
    static void assertNoSalt(String text, long salt) {
        for (String form : saltForms(salt)) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(form), () -> "salt (" + form + ") in: " + text);
        }
    }

    /** Whether {@code text} has {@code salt} in one of the forms {@link #assertNoSalt} looks for. */
    static boolean mentionsSalt(String text, long salt) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(saltForms(salt)).anyMatch(lower::contains);
    }

    private static String[] saltForms(long salt) {
        return new String[] {
            Long.toString(salt), Long.toUnsignedString(salt), Long.toHexString(salt),
            String.format("%016x", salt), String.format("%016x", Long.reverseBytes(salt))};
    }
}
