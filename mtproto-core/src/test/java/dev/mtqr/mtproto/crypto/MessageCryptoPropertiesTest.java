package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtqr.mtproto.crypto.SecurityCheckException.Check;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link MessageCrypto}: what {@code encrypt} produces {@code decrypt} returns, and {@code decrypt} rejects every
 * altered, misaddressed or malformed message with the check that protects against it.
 */
class MessageCryptoPropertiesTest {

    @Property(tries = 200)
    void decryptReturnsThePlaintextAndItsPadding(@ForAll("authKeys") AuthKey key, @ForAll("directions") int x,
            @ForAll("plaintexts") byte[] plaintext, @ForAll @IntRange(max = 62) int extraBlocks, @ForAll long seed) {
        ByteArrayOutputStream padding = new ByteArrayOutputStream();
        Random random = new Random(seed);
        RandomSource recording = bytes -> {
            random.nextBytes(bytes);
            padding.writeBytes(bytes);
        };

        byte[] message = MessageCrypto.encrypt(key, plaintext, x, recording, extraBlocks);
        byte[] decrypted = MessageCrypto.decrypt(key, message, 0, message.length, x);

        assertEquals(message.length - 24, decrypted.length);
        assertArrayEquals(plaintext, Arrays.copyOf(decrypted, plaintext.length));
        assertArrayEquals(padding.toByteArray(), Arrays.copyOfRange(decrypted, plaintext.length, decrypted.length));
    }

    @Property(tries = 300)
    void rejectsAnySingleFlippedBit(@ForAll("authKeys") AuthKey key, @ForAll("directions") int x,
            @ForAll("plaintexts") byte[] plaintext, @ForAll @IntRange(max = Integer.MAX_VALUE) int position,
            @ForAll @IntRange(max = 7) int bit) {
        byte[] message = MessageCrypto.encrypt(key, plaintext, x, RandomSource.secure());
        int index = position % message.length;
        message[index] ^= (byte) (1 << bit);

        SecurityCheckException rejected = assertThrows(SecurityCheckException.class,
                () -> MessageCrypto.decrypt(key, message, 0, message.length, x));

        assertEquals(index < 8 ? Check.AUTH_KEY_ID : Check.MSG_KEY, rejected.check());
    }

    @Property(tries = 100)
    void rejectsAnotherKeysMessageByItsId(@ForAll("authKeys") AuthKey key, @ForAll("authKeys") AuthKey other,
            @ForAll("directions") int x, @ForAll("plaintexts") byte[] plaintext) {
        Assume.that(key.id() != other.id());
        byte[] message = MessageCrypto.encrypt(other, plaintext, x, RandomSource.secure());

        assertRejected(Check.AUTH_KEY_ID, key, message, message.length, x);
    }

    @Property(tries = 100)
    void rejectsAMessageDecryptedForTheOtherDirection(@ForAll("authKeys") AuthKey key, @ForAll("directions") int x,
            @ForAll("plaintexts") byte[] plaintext) {
        byte[] raw = key.bytes();
        Assume.that(!Arrays.equals(raw, 0, 36, raw, 8, 44) || !Arrays.equals(raw, 40, 76, raw, 48, 84)
                || !Arrays.equals(raw, 88, 120, raw, 96, 128));  // else both directions derive the same
        byte[] message = MessageCrypto.encrypt(key, plaintext, x, RandomSource.secure());

        assertRejected(Check.MSG_KEY, key, message, message.length, MessageCrypto.SERVER - x);
    }

    @Property(tries = 200)
    void rejectsLengthsThatAreNotAHeaderAndWholeBlocks(@ForAll("authKeys") AuthKey key, @ForAll("directions") int x,
            @ForAll("plaintexts") byte[] plaintext, @ForAll @IntRange(max = Integer.MAX_VALUE) int cut) {
        byte[] message = MessageCrypto.encrypt(key, plaintext, x, RandomSource.secure());
        int length = cut % message.length;
        Assume.that(length < 56 || (length - 24) % 16 != 0);

        assertRejected(Check.MESSAGE_LENGTH, key, message, length, x);
    }

    @Property(tries = 100)
    void rejectsAMessageCutByWholeBlocksByItsMsgKey(@ForAll("authKeys") AuthKey key, @ForAll("directions") int x,
            @ForAll("plaintexts") byte[] plaintext, @ForAll @IntRange(min = 1, max = 100) int blocks) {
        byte[] message = MessageCrypto.encrypt(key, plaintext, x, RandomSource.secure());
        int length = message.length - 16 * blocks;
        Assume.that(length >= 56);

        assertRejected(Check.MSG_KEY, key, message, length, x);
    }

    /** After a valid msg_key: 0 <= message_data_length, divisible by 4, fits, and leaves 12..1024 bytes of padding. */
    @Property(tries = 500)
    void acceptsExactlyTheDataLengthsThatLeaveValidPadding(@ForAll("authKeys") AuthKey key,
            @ForAll("directions") int x, @ForAll @IntRange(min = 2, max = 70) int blocks,
            @ForAll("dataLengths") int dataLength, @ForAll long seed) {
        byte[] inner = new byte[16 * blocks];
        new Random(seed).nextBytes(inner);
        inner = CraftedMessage.withDataLength(inner, dataLength);
        byte[] message = CraftedMessage.seal(key, inner, x);

        int padding = inner.length - 32 - dataLength;
        if (dataLength < 0 || dataLength % 4 != 0 || dataLength > inner.length - 32) {
            assertRejected(Check.MESSAGE_LENGTH, key, message, message.length, x);
        } else if (padding < 12 || padding > 1024) {
            assertRejected(Check.PADDING, key, message, message.length, x);
        } else {
            assertArrayEquals(inner, MessageCrypto.decrypt(key, message, 0, message.length, x));
        }
    }

    private static void assertRejected(Check check, AuthKey key, byte[] message, int length, int x) {
        SecurityCheckException rejected = assertThrows(SecurityCheckException.class,
                () -> MessageCrypto.decrypt(key, message, 0, length, x));
        assertEquals(check, rejected.check());
    }

    @Provide
    Arbitrary<AuthKey> authKeys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(AuthKey.BYTES).map(AuthKey::new);
    }

    @Provide
    Arbitrary<Integer> directions() {
        return Arbitraries.of(MessageCrypto.CLIENT, MessageCrypto.SERVER);
    }

    /** A 32-byte header whose message_data_length is right, then 0..2048 bytes of data in 4-byte words. */
    @Provide
    Arbitrary<byte[]> plaintexts() {
        return Arbitraries.integers().between(0, 512).flatMap(words -> Arbitraries.bytes().array(byte[].class)
                .ofSize(32 + 4 * words)
                .map(bytes -> CraftedMessage.withDataLength(bytes, 4 * words)));
    }

    /** Mostly near the interesting range (up to 70 blocks of plaintext), sometimes any int. */
    @Provide
    Arbitrary<Integer> dataLengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-2, 280).map(words -> 4 * words)),
                Tuple.of(1, Arbitraries.integers().between(-8, 1200)),
                Tuple.of(1, Arbitraries.integers()));
    }
}
