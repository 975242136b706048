package dev.mtqr.mtproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow vectors (core.telegram.org/api/srp) from
 * grammers (grammers-crypto/src/two_factor_auth.rs, check_calculations_1/_2 @ fa7692e4) and gotd/td
 * (crypto/srp/srp_test.go, new_hash_test.go @ d0d567ee), with the client secret a given.
 */
class SrpVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    /** One vector; every field but g is hex. */
    record Vector(String password, String salt1, String salt2, int g, String p, String srpB, String a, String x,
            String expectedA, String expectedM1) {
        void assertAnswer() {
            assertEquals(x, HEX.formatHex(Srp.passwordHash(bytes(password), bytes(salt1), bytes(salt2))), "x");
            SrpAnswer answer = Srp.answer(bytes(password), bytes(salt1), bytes(salt2), g, bytes(p), bytes(srpB),
                    bytes(a));
            assertEquals(expectedA, HEX.formatHex(answer.a()), "A");
            assertEquals(expectedM1, HEX.formatHex(answer.m1()), "M1");
        }
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    static final String TELEGRAM_PRIME = "c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f"
            + "48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c37"
            + "20fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f64"
            + "2477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4"
            + "a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754"
            + "fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4"
            + "e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f"
            + "0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b";

    /** grammers check_calculations_1: p = 47 in 256 bytes, B = 5, a = 6, password [7], salts [1] and [2]. */
    static final Vector GR1 = new Vector("07", "01", "02", 3,
            "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "000000000000000000000000000000000000000000000000000000000000002f",
            "05", "06",
            "49229ac374d13f9a0137f59523f44792c2b10fa0aaf560ed91f528c1d9a59000",
            "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000018",
            "9d83c46700b874e807c455e711241ede9eea62583b3847d7b77b7a32132036ce");

    /** grammers check_calculations_2: the real prime, password "234567". */
    static final Vector GR2 = new Vector("323334353637",
            "5f483c38bd0986e7cdc95ae138ef4f49b951c1f81c713fecdef3af692cec4b47"
                    + "16ac9b770a195ebe",
            "b616fc6bbedf511119c5ed34629527f1", 3, TELEGRAM_PRIME,
            "93f70ebd50f6426aca2568769599f91f24d01284cc51a449e62dcc1527dfe501"
                    + "26b2aa44238e4fb2331419ed4aebf1a0ae15e03abd18bfc52ca6baec564c13b5"
                    + "a1d2e357799897757bb736fdc2ceb1b56aacf19ab3548d6d922a522f0b51f401"
                    + "24c3bc9936aff3e1dcfbea39ac9ad2addc6af0ad30783278bbb84cab0ed8464b"
                    + "0ffeb2b0c93a39a5d97dba0105672ca5475373d8d23e54a6ac9bed9519e8bef4"
                    + "f00719f5ad56151be5537648df2f8e3e7265cb57fb94a054ce2a82b8cc664ad0"
                    + "60e0d6c6df1879345440eb977fa0f2d36f31a253d8917732f133d40033a34b61"
                    + "52969b600d59cdabfea2ab2393ad659e56d66e13605b1f61e48e3cd65c0f58ac",
            "bf31574f34fce1e53891c59b7f62468a0ca682da8585df8de0a18873359755fb"
                    + "b1818878a9ee919bb1e94d20c5f0607e02a33176199bf3220256c9ea1a69f395"
                    + "a515d20539d88cda750a5252fb864f573f2b032f3b467d08b34fd9c89d1c5d06"
                    + "278e113e51d4e893c1c027455af4653f096607a4156d94fb8e1dc7cee5bfe328"
                    + "50982f941ae4414e83bf22df56270b43b7ccc44c26d40886464da8e344a85407"
                    + "95b8f69b8f508552a723cd6931e1d69204e8e9dc056f0a2a10a0d7951e355f3e"
                    + "def5a5e18a9091295a51eb9db10b8b0d30489c8d29bc0cd86e97781f5e30c5b6"
                    + "bfe7caf4aae81b282e653ac48aa1a8fde789722bc04f4320cd9f86849fe05ca4",
            "ef792704447d41b8c41eaae6a9e4f8d50b5cd6a6ba71b7da5cc43de58bb7fa11",
            "0fa12bc655b1187a28296a69ae565d682782e0ceb05a089c0c41c1dce983dc7f"
                    + "4a53434ea78e065d9e1cb60e427b4468a4780609feba2f55654ee2efe0aeb72e"
                    + "dafde2652e26ed5b4d4baad9d2a381806af63416bf6263df45a43d85be5401bc"
                    + "223ebfac09421caddd7e260bd6b86542133c048d6cd54b38d8e2ccdf6b550e87"
                    + "5b1353a4acfe3292ffb56a0f58b2a39027c9bfdd91fd4c531d23c77d6e8f7d58"
                    + "3eaeea316dedded69935296ce7ea34e9be6ef2fbd829eac4c9bd646dc1563e47"
                    + "f77b91431ca002cf79fc149d968272835c15ca1c6b2c5e03712a2e1b5d52f5e4"
                    + "faa1c16cb177fafd96a6aa5b4b3f4c649915644b63855cfb38561ff17fedfb8a",
            "4d7af412c5a2e7b15467376bd118b853604e687b31f51c4980c4d7c1876613e3");

    /** gotd TestSRP: password "123123", a = 1 (so A = 3, which the checked path would refuse). */
    static final Vector GO = new Vector("313233313233",
            "4d11fb6bec38f9d2546bb0f61e4f1c99a1bc0db8f0d5f35b1291b37b213123d7"
                    + "ed48f3c6794d495b",
            "a1b181aafe88188680ae32860d60bb01", 3, TELEGRAM_PRIME,
            "9c52401a6a8084ec82f01c3725d3fb448bd2f0c909f9d97726eac4b7a74172d9"
                    + "52f02466be6734fa274d2b7429e27397f10372d66b400b80a5c5ae3f28b17bf3"
                    + "105d7a2d2a885998cdc2defc208aec217ab58859a9abc2374ad93dc285f4b3fb"
                    + "caff4143d7888f2425bd2fb711b25609ceb21757d935b1ef2f042173ad0ce2fe"
                    + "0e474dac53914bd25a8a9aed4aea8953d55cb88621db37b871ea0d04393ac098"
                    + "7f68094ccc9de8239251375d8fffd263316cd528c097b7bc9fb919fbedb76c52"
                    + "5df3413c374ee076d97a1e6d352bb7cc80fd13651b04b32e2e48c5268150842c"
                    + "fd07cf855958b1b5ea9c36fdad697fe3aec8dcc6b1efec36874af226204676cf",
            "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000001",
            "55a33fcadca739ca2819d8209cd098413d8e072a24ebc69c60f60ff20f8ac1ba",
            "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000003",
            "999df906bda2c6cbb52f503406eba2d0d0503ace0cc302c38f13ee5010ad4051");

    @Test
    void toyNumbersGiveGrammersFirstVector() {
        GR1.assertAnswer();
    }

    @Test
    void telegramPrimeGivesGrammersSecondVector() {
        GR2.assertAnswer();
    }

    @Test
    void secretOneGivesGotdVector() {
        GO.assertAnswer();
    }

    @Test
    void vectorPrimeIsTelegramPrime() {
        assertEquals(TELEGRAM_PRIME, HEX.formatHex(BigIntegers.toFixed(DhChecks.TELEGRAM_PRIME, 256)));
    }

    /** gotd new_hash_test.go: g^x mod p for "newPassword" with the new salt1. */
    static final String NEW_PASSWORD_HASH = "186ac18dcc5790bf6bba21bd958d375ee5481af0029e9bd7a9c68ec926bd5196"
            + "d81f8cd8b58ee06c8a10adeacc7f56e819ff514825deb15b1fadec6aae17a244"
            + "cb23488d17349cd4261a8ba4da7b9c2ce5c40014dd9e362750acf3ac89b8b8f5"
            + "c618f0b6a572c38fff3a554d8818a0b8e7b6015e1836128a1e4e2d5cf9971d1d"
            + "d048aa181d861152eae71553962680632387b89ac1865fded7c8c3daa64ed38d"
            + "c25036663fa0cf7748c52ea19c187e70a752a8053e409d4894218a429393d033"
            + "82e41e50b7415b3b8ad092fd0790f88d894e84dca78f47f4218937d7aa99d88c"
            + "87c09bcb8da890e535026623cea6fc8b3d25db70cb42aaa48323927d87a8fcf1";

    /** gotd new_hash_test.go: new_password_hash for "newPassword", the 32 extra salt1 bytes being zeros. */
    @Test
    void newPasswordHashMatchesGotdVector() {
        byte[] salt1 = Srp.newSalt1(bytes("e6c8957ddf988d48"), out -> { });
        assertEquals("e6c8957ddf988d48" + "00".repeat(32), HEX.formatHex(salt1));
        byte[] hash = Srp.newPasswordHash(bytes("6e657750617373776f7264"), salt1,
                bytes("9f6344822b096cff87efa426f57857b6"), 3, bytes(TELEGRAM_PRIME));
        assertEquals(NEW_PASSWORD_HASH, HEX.formatHex(hash));
    }
}
