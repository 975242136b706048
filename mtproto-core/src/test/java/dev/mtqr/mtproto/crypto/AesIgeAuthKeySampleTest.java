package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The AES-256-IGE steps of the official key-exchange example (core.telegram.org/mtproto/samples-auth_key): the
 * server's {@code encrypted_answer} and the client's {@code encrypted_data} under the page's tmp_aes_key/iv.
 */
class AesIgeAuthKeySampleTest {
    private static final byte[] TMP_AES_KEY = hex("f011280887c7bb01df0fc4e17830e0b91fbb8be4b2267cb985ae25f33b527253");
    private static final byte[] TMP_AES_IV = hex("3212d579ee35452ed23e0d0c92841aa7d31b2e9bdef2151e80d15860311c85db");

    private static final byte[] ENCRYPTED_ANSWER = hex("""
            28a92fe20173b347a8bb324b5fab2667c9a8bbce6468d5b509a4cbddc186240ac912cf7006af8926de606a2e74c0493c
            aa57741e6c82451f54d3e068f5ccc49b4444124b9666ffb405aab564a3d01e67f6e912867c8d20d9882707dc330b17b4
            e0dd57cb53bfaafa9ef5be76ae6c1b9b6c51e2d6502a47c883095c46c81e3be25f62427b585488bb3bf239213bf48eb8
            fe34c9a026cc8413934043974db03556633038392cecb51f94824e140b98637730a4be79a8f9dafa39bae81e1095849e
            a4c83467c92a3a17d997817c8a7ac61c3ff414da37b7d66e949c0aec858f048224210fcc61f11c3a910b431ccbd104cc
            cc8dc6d29d4a5d133be639a4c32bbff153e63aca3ac52f2e4709b8ae01844b142c1ee89d075d64f69a399feb04e656fe
            3675a6f8f412078f3d0b58da15311c1a9f8e53b3cd6bb5572c294904b726d0be337e2e21977da26dd6e33270251c2ca2
            9dfcc70227f0755f84cfda9ac4b8dd5f84f1d1eb36ba45cddc70444d8c213e4bd8f63b8ab95a2d0b4180dc91283dc063
            acfb92d6a4e407cde7c8c69689f77a007441d4a6a8384b666502d9b77fc68b5b43cc607e60a146223e110fcb43bc3c94
            2ef981930cdc4a1d310c0b64d5e55d308d863251ab90502c3e46cc599e886a927cda963b9eb16ce62603b68529ee98f9
            f5206419e03fb458ec4bd9454aa8f6ba777573cc54b328895b1df25ead9fb4cd5198ee022b2b81f388d281d5e5bc5801
            07ca01a50665c32b552715f335fd76264fad00ddd5ae45b94832ac79ce7c511d194bc42b70efa850bb15c2012c5215ca
            bfe97ce66b8d8734d0ee759a638af013
            """);

    /** SHA1(server_DH_inner_data) + server_DH_inner_data (564 bytes) + 8 bytes of padding. */
    private static final byte[] ANSWER_WITH_HASH = hex("""
            4b0af668cf60a358233f93b7341fca7e7f02a8c2ba0d89b53e0549828cca27e966b301a48fece2fca5cf4d33f4a11ea8
            77ba4aa57390733002000000fe000100c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f
            48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13ab
            dc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4
            a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d
            169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f
            0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5bfe000100262aaba621cc4df587dc94cf
            8252258c0b9337dfb47545a49cdd5c9b8eae7236c6cadc40b24e88590f1cc2cc762ebf1cf11dcc0b393caad6cee4ee58
            48001c73acbb1d127e4cb93072aa3d1c8151b6fb6aa6124b7cd782eaf981bdcfce9d7a00e423bd9d194e8af78ef6501f
            415522e44522281c79d906ddb79c72e9c63d83fb2a940ff779dfb5f2fd786fb4ad71c9f08cf48758e534e9815f634f1e
            3a80a5e1c2af210c5ab762755ad4b2126dfa61a77fa9da967d65dfd0afb5cdf26c4d4e1a88b180f4e0d0b45ba1484f95
            cb2712b50bf3f5968d9d55c99c0fb9fb67bff56d7d4481b634514fba3488c4cda2fc0659990e8e868b28632875a9aa70
            3bcdce8fcb7ae55199e2dddd536648d8
            """);

    /** SHA1(client_DH_inner_data) + client_DH_inner_data (304 bytes) + 12 bytes of padding. */
    private static final byte[] CLIENT_DATA_WITH_HASH = hex("""
            2dba88ad57505eaf011c1e76d5ad7180c463c32d54b643663e0549828cca27e966b301a48fece2fca5cf4d33f4a11ea8
            77ba4aa5739073300000000000000000fe00010073700e7bfc7aeec828eb8e0dcc04d09a0dd56a1b4b35f72f0b55fce7
            db7ebb72d7c33c5d4aa59e1c74d09b01ae536b318cfed436afdb15fe9eb4c70d7f0cb14e46dbbde9053a64304361eb35
            8a9bb32e9d5c2843fe87248b89c3f066a7d5876d61657acc52b0d81cd683b2a0fa93e8adab20377877f3bc3369bbf57b
            10f5b589e65a9c27490f30a0c70ffcfd3453f5b379c1b9727a573cffdca8d23c721b135b92e529b1cdd2f7abd4f34dac
            4be1eeaf60993dde8ed45890e4f47c26f2c0b2e037bb502739c8824f2a99e2b1e7e416583417cc79a8807a4bdac6a5e9
            805d4f6186c37d66f6988c9f9c752896f3d34d25529263faf2670a09b2a59ce35264511f7162f37997f865ef58a00c76
            """);

    private static final byte[] ENCRYPTED_CLIENT_DATA = hex("""
            928a4957d0463b525c1cc48aabaa030a256be5c746792c84ca4c5a0df60ac799048d98a38a8480edcf082214dfc79dcb
            9ee34e206513e2b3bc1504cfe6c9ada46bf9a03ca74f192eaf8c278454adabc795a566615462d31817382984039505f7
            1cb33a41e2527a4b1ac05107872fed8e3abcee1518ae965b0ed3aed7f67479155bda8e4c286b64cdf123ec748cf289b1
            db02d1907b562df462d8582ba6f0a3022dc2d3504d69d1ba48b677e3a830bfafd67584c8aa24e1344a8904e305f9587c
            92ef964f0083f50f61eab4a393eaa33c9270294aedc7732891d4ea1599f52311d74469d2112f4edf3f342e93c8e87e81
            2dc3989baecfe6740a46077524c75093f5a5405736de8937bb6e42c9a0dcf22ca53227d462bccc2cfe94b6fe86ab7fbf
            a395021f66661af7c0024ca2986ca03f3476905407d1ea9c010b763258db1aa2cc7826d91334efc1fdc665b67fe45ed0
            """);

    @Test
    void decryptsServerAnswerToAnswerWithHash() {
        byte[] answerWithHash = AesIge.decrypt(TMP_AES_KEY, TMP_AES_IV, ENCRYPTED_ANSWER);

        assertArrayEquals(ANSWER_WITH_HASH, answerWithHash);
        byte[] answer = Arrays.copyOfRange(answerWithHash, 20, 20 + 564);
        assertArrayEquals(Arrays.copyOf(answerWithHash, 20), Digests.sha1(answer));
    }

    @Test
    void encryptsAnswerWithHashBackToServerAnswer() {
        assertArrayEquals(ENCRYPTED_ANSWER, AesIge.encrypt(TMP_AES_KEY, TMP_AES_IV, ANSWER_WITH_HASH));
    }

    @Test
    void encryptsClientDataWithHashToEncryptedData() {
        assertArrayEquals(ENCRYPTED_CLIENT_DATA, AesIge.encrypt(TMP_AES_KEY, TMP_AES_IV, CLIENT_DATA_WITH_HASH));
        assertArrayEquals(CLIENT_DATA_WITH_HASH, AesIge.decrypt(TMP_AES_KEY, TMP_AES_IV, ENCRYPTED_CLIENT_DATA));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
