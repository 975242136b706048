package dev.mtqr.tl.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {
    @ParameterizedTest
    @CsvSource({
        "auth.loginToken, AuthLoginToken",
        "auth.exportLoginToken, AuthExportLoginToken",
        "req_DH_params, ReqDHParams",
        "p_q_inner_data_dc, PQInnerDataDc",
        "user, User",
        "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow, PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow",
    })
    void namesRecordsInUpperCamelCaseWithTheNamespace(String tl, String java) {
        assertEquals(java, Naming.recordName(tl));
    }

    @ParameterizedTest
    @CsvSource({"auth.LoginToken, AuthLoginTokenType", "User, UserType", "P_Q_inner_data, PQInnerDataType"})
    void namesInterfacesAfterTheTypeWithATypeSuffix(String tl, String java) {
        assertEquals(java, Naming.interfaceName(tl));
    }

    @ParameterizedTest
    @CsvSource({
        "api_hash, apiHash", "srp_B, srpB", "M1, m1", "A, a", "g_a, gA", "new_nonce_hash1, newNonceHash1",
        "static, static_", "default, default_", "long, long_", "hashCode, hashCode_", "tl_in, tlIn_", "write, write_",
    })
    void namesComponentsInLowerCamelCaseAndEscapesReservedNames(String tl, String java) {
        assertEquals(java, Naming.componentName(tl));
    }
}
