package dev.mtqr.tl.codegen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CRC32 id rule, with the examples of core.telegram.org/mtproto/serialize and /TL and layer 228. */
class ConstructorIdsTest {
    private static Combinator parse(String line) {
        return SchemaParser.parse("t.tl", line).combinators().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user id:int first_name:string last_name:string = User;|d23c81a3",
        "vector {t:Type} # [ t ] = Vector t;|1cb5c415",
        "int ? = Int;|a8509bda",
        "rpc_answer_dropped msg_id:long seq_no:int bytes:int = RpcDropAnswer;|a43ad8b7",
        "msgs_ack msg_ids:Vector<long> = MsgsAck;|62d6b459",
        "invokeAfterMsg {X:Type} msg_id:long query:!X = X;|cb9f372d",
        "inputMessagesFilterPhoneCalls flags:# missed:flags.0?true = MessagesFilter;|80c99768",
        "auth.exportLoginToken api_id:int api_hash:string except_ids:Vector<long> = auth.LoginToken;|b7e085fe",
        "auth.loginToken expires:int token:bytes = auth.LoginToken;|629f1980",
        "auth.loginTokenMigrateTo dc_id:int token:bytes = auth.LoginToken;|068e9916",
        "photoStrippedSize type:string bytes:bytes = PhotoSize;|e0b0bc2e",
        "inputCheckPasswordSRP srp_id:long A:bytes M1:bytes = InputCheckPasswordSRP;|d27ff082",
        "auth.authorization flags:# setup_password_required:flags.1?true otherwise_relogin_days:flags.1?int"
            + " tmp_sessions:flags.0?int future_auth_token:flags.2?bytes user:User = auth.Authorization;|2ea2c0d4",
        "dcOption flags:# ipv6:flags.0?true media_only:flags.1?true tcpo_only:flags.2?true cdn:flags.3?true"
            + " static:flags.4?true this_port_only:flags.5?true id:int ip_address:string port:int"
            + " secret:flags.10?bytes = DcOption;|18b7a10d",
        "invokeWithLayer {X:Type} layer:int query:!X = X;|da9b0d0d",
        "tls.schema_v2 version:int date:int types_num:# types:types_num*[ tls.Type ] constructor_num:#"
            + " constructors:constructor_num*[ tls.Combinator ] functions_num:# functions:functions_num*[ tls.Combinator ]"
            + " = tls.Schema;|3a2f9be2",
    })
    void computesThePublishedIds(String line, String id) {
        assertEquals(id, String.format("%08x", ConstructorIds.computed(parse(line))));
    }

    @Test
    void normalisesTheWayTheIdsWereComputed() {
        assertEquals("auth.authorization flags:# otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int"
                + " future_auth_token:flags.2?string user:User = auth.Authorization",
                ConstructorIds.normalised(parse("auth.authorization#2ea2c0d4 flags:# setup_password_required:flags.1?true"
                        + " otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int future_auth_token:flags.2?bytes"
                        + " user:User = auth.Authorization;")));
        assertEquals("getUsers Vector int = Vector User", ConstructorIds.normalised(parse("getUsers (Vector int) = Vector User;")));
    }

    @Test
    void warnsWhenTheExplicitIdDiffersAndKeepsIt() {
        Combinator c = parse("ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;");
        assertEquals(0x37982646, c.id());
        String warning = ConstructorIds.mismatch(c);
        assertTrue(warning.startsWith("t.tl:1:1: id #37982646 of ipPortSecret differs from the CRC32 #402d9b47"), warning);
    }

    @Test
    void saysNothingWhenTheIdMatches() {
        assertNull(ConstructorIds.mismatch(parse("auth.loginToken#629f1980 expires:int token:bytes = auth.LoginToken;")));
    }
}
