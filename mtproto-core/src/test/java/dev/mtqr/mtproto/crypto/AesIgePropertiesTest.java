package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link AesIge} round-trips and agrees with the block-by-block definition for every whole-block length. */
class AesIgePropertiesTest {

    @Property(tries = 300)
    void decryptInvertsEncrypt(@ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv,
            @ForAll("wholeBlocks") byte[] plaintext) {
        assertArrayEquals(plaintext, AesIge.decrypt(key, iv, AesIge.encrypt(key, iv, plaintext)));
    }

    @Property(tries = 300)
    void encryptMatchesTheBlockByBlockDefinition(@ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv,
            @ForAll("wholeBlocks") byte[] plaintext) {
        assertArrayEquals(AesIgeReference.encrypt(key, iv, plaintext), AesIge.encrypt(key, iv, plaintext));
    }

    @Property(tries = 300)
    void decryptMatchesTheBlockByBlockDefinition(@ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv,
            @ForAll("wholeBlocks") byte[] ciphertext) {
        assertArrayEquals(AesIgeReference.decrypt(key, iv, ciphertext), AesIge.decrypt(key, iv, ciphertext));
    }

    @Property(tries = 200)
    void inPlaceMatchesIntoAnotherArray(@ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv,
            @ForAll("wholeBlocks") byte[] data) {
        byte[] encrypted = data.clone();
        AesIge.encrypt(key, iv, encrypted, 0, encrypted, 0, encrypted.length);
        assertArrayEquals(AesIge.encrypt(key, iv, data), encrypted);

        byte[] decrypted = data.clone();
        AesIge.decrypt(key, iv, decrypted, 0, decrypted, 0, decrypted.length);
        assertArrayEquals(AesIge.decrypt(key, iv, data), decrypted);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32, 32).flatMap(AesIgePropertiesTest::bytes);
    }

    @Provide
    Arbitrary<byte[]> ivs() {
        return bytes(32);
    }

    /** 0 to 4096 bytes in whole 16-byte blocks. */
    @Provide
    Arbitrary<byte[]> wholeBlocks() {
        return Arbitraries.integers().between(0, 256).flatMap(blocks -> bytes(16 * blocks));
    }

    private static Arbitrary<byte[]> bytes(int count) {
        return Arbitraries.bytes().array(byte[].class).ofSize(count);
    }
}
