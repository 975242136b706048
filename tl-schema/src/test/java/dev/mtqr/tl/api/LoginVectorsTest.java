package dev.mtqr.tl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.RandomTlValues;
import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact vectors of the QR-login calls: observed from GramJS 2.26.22, and computed in
 * {@code shared/data/tl_serialization_and_crc32.txt} §2e and §2f. Each is encoded from the generated records and
 * decoded back.
 */
class LoginVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Bytes 0x01..0x10. */
    private static final byte[] TOKEN = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
    private static final String API_HASH = "0123456789abcdef0123456789abcdef";

    static void assertVector(String hex, TlObject value, Function<TlReader, TlObject> read) {
        assertEquals(hex, HEX.formatHex(value.toByteArray()), value.tlName() + " encoded");
        TlReader in = TlReader.of(HEX.parseHex(hex), SchemaRegistry.INSTANCE);
        assertEquals(value, read.apply(in), value.tlName() + " decoded");
        in.expectEnd();
    }

    @Test
    void exportLoginTokenMatchesGramJs() {
        assertVector("fe85e0b73930000020303132333435363738396162636465663031323334353637383961626364656600000015c4b51c"
                + "0200000001000000000000000200000000000000",
                new AuthExportLoginToken(12345, API_HASH, List.of(1L, 2L)), TlReader::readObject);
    }

    @Test
    void exportLoginTokenWithNoExceptIdsMatchesTheComputedExample() {
        assertVector("fe85e0b73930000020303132333435363738396162636465663031323334353637383961626364656600000015c4b51c"
                + "00000000", new AuthExportLoginToken(12345, API_HASH, List.of()), TlReader::readObject);
    }

    @Test
    void loginTokenMatchesGramJs() {
        assertVector("80199f6200f15365100102030405060708090a0b0c0d0e0f10000000",
                new AuthLoginToken(1700000000, TOKEN), AuthLoginTokenType::read);
    }

    @Test
    void loginTokenMigrateToMatchesGramJs() {
        assertVector("16998e0602000000100102030405060708090a0b0c0d0e0f10000000",
                new AuthLoginTokenMigrateTo(2, TOKEN), AuthLoginTokenType::read);
    }

    @Test
    void importLoginTokenMatchesGramJs() {
        assertVector("e45cac95100102030405060708090a0b0c0d0e0f10000000", new AuthImportLoginToken(TOKEN),
                TlReader::readObject);
    }

    @Test
    void updateShortOfUpdateLoginTokenMatchesGramJs() {
        assertVector("c1ded47891e64f5600f15365", new UpdateShort(new UpdateLoginToken(), 1700000000), UpdatesType::read);
    }

    static InvokeWithLayer<ConfigType> initialCall() {
        return new InvokeWithLayer<>(228, new InitConnection<>(12345, "PC", "Linux", "1.0", "en", "", "en", null, null,
                new HelpGetConfig()));
    }

    @Test
    void invokeWithLayerOfInitConnectionMatchesTheComputedExample() {
        assertVector("0d0d9bdae4000000a95ecdc1000000003930000002504300054c696e7578000003312e3002656e000000000002656e00"
                + "6b18f9c4", initialCall(), TlReader::readMethod);
    }

    @Test
    void theWrappedCallReadsTheResultOfItsInnermostQuery() {
        Config config = RandomTlValues.randomInstance(Config.class, new Random(228));
        TlReader in = TlReader.of(config.toByteArray(), SchemaRegistry.INSTANCE);
        ConfigType result = initialCall().readResult(in);
        assertEquals(config, result);
        in.expectEnd();
    }

    @Test
    void getUsersReadsAVectorOfUsers() {
        List<UserType> users = List.of(new UserEmpty(1), new UserEmpty(2));
        byte[] answer = HEX.parseHex("15c4b51c02000000" + "7a4bbcd30100000000000000" + "7a4bbcd30200000000000000");
        assertEquals(users, new UsersGetUsers(List.of(new InputUserSelf())).readResult(TlReader.of(answer)));
    }

    @Test
    void aDecodeErrorNamesTheConstructorsAndFieldsOnTheWay() {
        byte[] bytes = new AuthLoginTokenSuccess(new AuthAuthorization(null, null, null, new UserEmpty(7))).toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
        TlDecodeException e = assertThrows(TlDecodeException.class, () -> AuthLoginTokenType.read(TlReader.of(truncated)));
        assertTrue(e.getMessage().startsWith("unable to decode auth.loginTokenSuccess#390d5c5e.authorization: "
                + "auth.authorization#2ea2c0d4.user: userEmpty#d3bc4b7a.id: "), e.getMessage());
        assertEquals("a long needs 8 bytes, but 7 remain", e.problem());
    }

    @Test
    void anUnknownConstructorIsNamedWithItsType() {
        TlDecodeException e = assertThrows(TlDecodeException.class,
                () -> AuthLoginTokenType.read(TlReader.of(HEX.parseHex("efbeadde"))));
        assertTrue(e.getMessage().contains("#deadbeef"), e.getMessage());
        assertTrue(e.getMessage().contains("auth.LoginToken"), e.getMessage());
    }

    @Test
    void toStringShowsTheLengthOfBytesAndNeverTheirContent() {
        String text = new AuthLoginToken(1700000000, TOKEN).toString();
        assertTrue(text.contains("<16 bytes>"), text);
        assertTrue(text.contains("1700000000"), text);
        assertFalse(text.contains("0102"), text);
        assertFalse(text.contains("1, 2, 3"), text);
        assertFalse(text.contains("[B@"), text);
        String nested = new AuthLoginTokenSuccess(new AuthAuthorization(1, null, TOKEN, new UserEmpty(7))).toString();
        assertTrue(nested.contains("futureAuthToken=<16 bytes>"), nested);
    }

    @Test
    void equalsAndHashCodeCompareBytesByValue() {
        AuthLoginToken a = new AuthLoginToken(1, TOKEN.clone());
        AuthLoginToken b = new AuthLoginToken(1, TOKEN.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        byte[] other = TOKEN.clone();
        other[15] ^= 1;
        assertNotEquals(a, new AuthLoginToken(1, other));
        assertNotEquals(a, new AuthLoginToken(2, TOKEN.clone()));
        assertEquals(new AuthImportLoginToken(TOKEN.clone()), new AuthImportLoginToken(TOKEN.clone()));
    }

    @Test
    void equalsComparesListsOfBytesByValue() {
        CodeSettings a = RandomTlValues.randomInstance(CodeSettings.class, new Random(3));
        CodeSettings withTokens = new CodeSettings(a.allowFlashcall(), a.currentNumber(), a.allowAppHash(),
                a.allowMissedCall(), a.allowFirebase(), a.unknownNumber(), List.of(TOKEN.clone(), new byte[] {1}),
                a.token(), a.appSandbox());
        CodeSettings same = new CodeSettings(a.allowFlashcall(), a.currentNumber(), a.allowAppHash(),
                a.allowMissedCall(), a.allowFirebase(), a.unknownNumber(), List.of(TOKEN.clone(), new byte[] {1}),
                a.token(), a.appSandbox());
        assertEquals(withTokens, same);
        assertEquals(withTokens.hashCode(), same.hashCode());
        assertArrayEquals(withTokens.toByteArray(), same.toByteArray());
    }

    @Test
    void aTrueFlagSharingItsBitWithAValueIsReadFromThatValue() {
        assertTrue(new AuthAuthorization(30, null, null, new UserEmpty(1)).setupPasswordRequired());
        assertFalse(new AuthAuthorization(null, null, null, new UserEmpty(1)).setupPasswordRequired());
    }

    @Test
    void valuesSharingAFlagBitMustBeAllSetOrAllNull() {
        AccountPassword full = null;
        Random random = new Random(5);
        while (full == null || full.currentAlgo() == null) {
            full = RandomTlValues.randomInstance(AccountPassword.class, random);
        }
        AccountPassword p = full;
        assertTrue(p.hasPassword(), "has_password shares its bit with current_algo");
        assertThrows(IllegalArgumentException.class, () -> new AccountPassword(p.hasRecovery(),
                p.hasSecureValues(), p.currentAlgo(), null, p.srpId(), p.hint(), p.emailUnconfirmedPattern(),
                p.newAlgo(), p.newSecureAlgo(), p.secureRandom(), p.pendingResetDate(), p.loginEmailPattern()));
    }

    @Test
    void requiredComponentsAreNotNull() {
        assertThrows(NullPointerException.class, () -> new AuthLoginToken(1, null));
        assertThrows(NullPointerException.class, () -> new UpdateShort(null, 1));
        assertThrows(NullPointerException.class, () -> new InvokeWithLayer<>(228, null));
    }

    @Test
    void listsAreCopied() {
        java.util.ArrayList<Long> ids = new java.util.ArrayList<>(List.of(1L));
        AuthExportLoginToken call = new AuthExportLoginToken(1, "h", ids);
        ids.add(2L);
        assertEquals(List.of(1L), call.exceptIds());
        assertThrows(UnsupportedOperationException.class, () -> call.exceptIds().add(3L));
    }

    @Test
    void declaresLayer228() {
        assertEquals(228, SchemaRegistry.LAYER);
        assertInstanceOf(HelpGetConfig.class, TlReader.of(HEX.parseHex("6b18f9c4"), SchemaRegistry.INSTANCE).readMethod());
    }
}
