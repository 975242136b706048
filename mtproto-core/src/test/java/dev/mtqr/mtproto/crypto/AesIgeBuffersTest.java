package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link AesIge} treats its buffers: in place, offsets, the iv, and the arguments it refuses. */
class AesIgeBuffersTest {
    private final Random random = new Random(20240611);

    /** Lengths around the 16 KiB chunks the encryption prepares at a time. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 32, 48, 16368, 16384, 16400, 16416, 32768, 100016})
    void encryptsInPlaceAndIntoAnotherArrayLikeTheReference(int length) {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] plaintext = bytes(length);
        byte[] expected = AesIgeReference.encrypt(key, iv, plaintext);

        byte[] into = new byte[length + 48];
        AesIge.encrypt(key, iv, plaintext, 0, into, 48, length);
        byte[] inPlace = new byte[length + 40];
        System.arraycopy(plaintext, 0, inPlace, 40, length);
        AesIge.encrypt(key, iv, inPlace, 40, inPlace, 40, length);

        assertArrayEquals(expected, Arrays.copyOfRange(into, 48, 48 + length));
        assertArrayEquals(expected, Arrays.copyOfRange(inPlace, 40, 40 + length));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 48, 16400, 32768})
    void decryptsInPlaceAndIntoAnotherArrayLikeTheReference(int length) {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] ciphertext = bytes(length);
        byte[] expected = AesIgeReference.decrypt(key, iv, ciphertext);

        byte[] into = new byte[length + 16];
        AesIge.decrypt(key, iv, ciphertext, 0, into, 16, length);
        byte[] inPlace = new byte[length + 8];
        System.arraycopy(ciphertext, 0, inPlace, 8, length);
        AesIge.decrypt(key, iv, inPlace, 8, inPlace, 8, length);

        assertArrayEquals(expected, Arrays.copyOfRange(into, 16, 16 + length));
        assertArrayEquals(expected, Arrays.copyOfRange(inPlace, 8, 8 + length));
    }

    @Test
    void leavesTheIvAndTheBytesAroundTheRangeAlone() {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] ivBefore = iv.clone();
        byte[] buffer = bytes(16 + 64 + 16);
        byte[] bufferBefore = buffer.clone();

        AesIge.encrypt(key, iv, buffer, 16, buffer, 16, 64);
        AesIge.decrypt(key, iv, buffer, 16, buffer, 16, 64);

        assertArrayEquals(ivBefore, iv);
        assertArrayEquals(bufferBefore, buffer);
    }

    @Test
    void acceptsAnEmptyRange() {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);

        assertArrayEquals(new byte[0], AesIge.encrypt(key, iv, new byte[0]));
        assertArrayEquals(new byte[0], AesIge.decrypt(key, iv, new byte[0]));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 15, 17, 31, 33, 100})
    void rejectsLengthsThatAreNotWholeBlocks(int length) {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] data = new byte[length];

        assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(key, iv, data));
        assertThrows(IllegalArgumentException.class, () -> AesIge.decrypt(key, iv, data));
        assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(key, iv, data, 0, data, 0, length));
    }

    @Test
    void rejectsKeysAndIvsOfTheWrongSize() {
        byte[] data = new byte[32];

        assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(new byte[31], new byte[32], data));
        assertThrows(IllegalArgumentException.class, () -> AesIge.decrypt(new byte[20], new byte[32], data));
        assertThrows(IllegalArgumentException.class, () -> AesIge.encrypt(new byte[32], new byte[16], data));
        assertThrows(IllegalArgumentException.class, () -> AesIge.decrypt(new byte[32], new byte[33], data));
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        byte[] key = bytes(32);
        byte[] iv = bytes(32);
        byte[] data = new byte[32];

        assertThrows(IndexOutOfBoundsException.class, () -> AesIge.encrypt(key, iv, data, 16, data, 0, 32));
        assertThrows(IndexOutOfBoundsException.class, () -> AesIge.decrypt(key, iv, data, 0, new byte[16], 0, 32));
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }
}
