package dev.mtqr.tl.codegen.java;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.TlDecodeException;
import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.codegen.schema.SchemaException;
import dev.mtqr.tl.codegen.schema.SchemaParser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates from inline schemas, compiles the output in-process and uses the classes. */
class JavaGeneratorTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private static final String LOGIN = """
            auth.loginToken#629f1980 expires:int token:bytes = auth.LoginToken;
            auth.loginTokenMigrateTo#68e9916 dc_id:int token:bytes = auth.LoginToken;
            ---functions---
            auth.exportLoginToken#b7e085fe api_id:int api_hash:string except_ids:Vector<long> = auth.LoginToken;
            """;

    @Test
    void encodesAndDecodesAConstructorByteForByte() {
        Compiled c = new Compiled(LOGIN, dir);
        byte[] token = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
        TlObject value = c.create("AuthLoginTokenMigrateTo", 2, token);
        byte[] bytes = value.toByteArray();
        assertEquals("16998e0602000000100102030405060708090a0b0c0d0e0f10000000", HEX.formatHex(bytes));
        assertEquals(value, c.decode(bytes));
        assertEquals(value, c.readBoxed("AuthLoginTokenType", bytes));
    }

    @Test
    void aFunctionIsATypedMethodThatReadsItsResult() {
        Compiled c = new Compiled(LOGIN, dir);
        TlObject call = c.create("AuthExportLoginToken", 12345, "0123456789abcdef0123456789abcdef", List.of(1L, 2L));
        assertTrue(call instanceof TlMethod<?>);
        assertEquals("fe85e0b73930000020303132333435363738396162636465663031323334353637383961626364656600000015c4b51c0200000001000000000000000200000000000000",
                HEX.formatHex(call.toByteArray()));
        Object result = ((TlMethod<?>) call).readResult(TlReader.of(HEX.parseHex("80199f6200f15365100102030405060708090a0b0c0d0e0f10000000")));
        assertEquals(c.type("AuthLoginToken"), result.getClass());
    }

    @Test
    void bytesComponentsCompareByValueAndPrintOnlyTheirLength() {
        Compiled c = new Compiled(LOGIN, dir);
        TlObject a = c.create("AuthLoginToken", 1, new byte[] {1, 2, 3});
        TlObject b = c.create("AuthLoginToken", 1, new byte[] {1, 2, 3});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c.create("AuthLoginToken", 1, new byte[] {1, 2, 4}));
        assertEquals("AuthLoginToken[expires=1, token=<3 bytes>]", a.toString());
    }

    @Test
    void flagsAreComputedFromOptionalComponents() {
        Compiled c = new Compiled("""
                x#11111111 flags:# a:flags.0?true b:flags.1?int c:flags.2?string d:long = X;
                """, dir);
        TlObject none = c.create("X", false, null, null, 7L);
        assertEquals("11111111" + "00000000" + "0700000000000000", HEX.formatHex(none.toByteArray()));
        TlObject all = c.create("X", true, 5, "hi", 7L);
        assertEquals("11111111" + "07000000" + "05000000" + "02686900" + "0700000000000000", HEX.formatHex(all.toByteArray()));
        assertEquals(all, c.decode(all.toByteArray()));
        assertEquals(none, c.decode(none.toByteArray()));
        assertEquals(List.of("a", "b", "c", "d"), Arrays.stream(c.type("X").getRecordComponents()).map(r -> r.getName()).toList());
    }

    @Test
    void aTrueFlagSharingItsBitWithAValueIsDerivedFromIt() {
        Compiled c = new Compiled("""
                p#22222222 flags:# has_password:flags.2?true algo:flags.2?int srp_id:flags.2?long = P;
                """, dir);
        assertEquals(List.of("algo", "srpId"), Arrays.stream(c.type("P").getRecordComponents()).map(r -> r.getName()).toList());
        TlObject with = c.create("P", 3, 4L);
        assertEquals(true, c.call(with, "hasPassword"));
        assertEquals(false, c.call(c.create("P", null, null), "hasPassword"));
        assertEquals("22222222" + "04000000" + "03000000" + "0400000000000000", HEX.formatHex(with.toByteArray()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.create("P", 3, null));
        assertTrue(e.getMessage().contains("algo, srpId share flag bit flags.2"), e.getMessage());
    }

    @Test
    void requiredComponentsMustNotBeNullAndListsAreCopied() {
        Compiled c = new Compiled(LOGIN, dir);
        assertThrows(NullPointerException.class, () -> c.create("AuthLoginToken", 1, null));
        List<Long> ids = new java.util.ArrayList<>(List.of(1L));
        TlObject call = c.create("AuthExportLoginToken", 1, "h", ids);
        ids.add(2L);
        assertEquals(List.of(1L), c.call(call, "exceptIds"));
    }

    @Test
    void genericFunctionsWrapAnyMethodAndReadItsResult() {
        Compiled c = new Compiled(LOGIN + """
                invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
                """, dir);
        TlObject inner = c.create("AuthExportLoginToken", 1, "h", List.of());
        TlObject wrapped = c.create("InvokeWithLayer", 228, inner);
        byte[] bytes = wrapped.toByteArray();
        assertEquals("0d0d9bdae4000000", HEX.formatHex(bytes, 0, 8));
        assertArrayEquals(inner.toByteArray(), Arrays.copyOfRange(bytes, 8, bytes.length));
        assertEquals(wrapped, c.decode(bytes));
        Object result = ((TlMethod<?>) wrapped).readResult(TlReader.of(HEX.parseHex("80199f620100000000000000")));
        assertEquals(c.type("AuthLoginToken"), result.getClass());
        assertEquals("InvokeWithLayer<X>", c.type("InvokeWithLayer").getTypeParameters().length == 1 ? "InvokeWithLayer<X>" : "");
    }

    @Test
    void bareTypesAreWrittenWithoutTheirId() {
        Compiled c = new Compiled("""
                future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;
                future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;
                message msg_id:long seqno:int bytes:int body:Object = Message;
                msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
                """, dir);
        TlObject salt = c.create("FutureSalt", 1, 2, 3L);
        TlObject salts = c.create("FutureSalts", 9L, 10, List.of(salt));
        assertEquals("950850ae" + "0900000000000000" + "0a000000" + "01000000" + "01000000" + "02000000" + "0300000000000000",
                HEX.formatHex(salts.toByteArray()));
        assertEquals(salts, c.decode(salts.toByteArray()));
        TlObject message = c.create("Message", 5L, 1, 24, salts);
        TlObject container = c.create("MsgContainer", List.of(message));
        assertEquals("dcf8f173" + "01000000" + "0500000000000000", HEX.formatHex(container.toByteArray(), 0, 16));
        assertEquals(container, c.decode(container.toByteArray()));
    }

    @Test
    void decodingErrorsNameTheConstructorAndField() {
        Compiled c = new Compiled(LOGIN + """
                ---types---
                auth.loginTokenSuccess#390d5c5e token:auth.LoginToken = auth.LoginToken;
                """, dir);
        byte[] truncated = HEX.parseHex("5e5c0d39" + "80199f62" + "00f15365" + "10010203");
        TlDecodeException e = assertThrows(TlDecodeException.class, () -> c.decode(truncated));
        assertEquals("unable to decode auth.loginTokenSuccess#390d5c5e.token: auth.loginToken#629f1980.token: "
                + "a value of 16 bytes with padding needs 19 bytes, but 3 remain", e.getMessage());
        TlDecodeException unknown = assertThrows(TlDecodeException.class,
                () -> c.readBoxed("AuthLoginTokenType", HEX.parseHex("01020304")));
        assertEquals("unknown constructor #04030201 for type auth.LoginToken", unknown.getMessage());
    }

    @Test
    void everyFileSaysWhereItCameFrom() {
        var files = JavaGenerator.generate(List.of(SchemaParser.parse("login.tl", LOGIN)), "p", w -> { });
        assertEquals(5, files.size());
        for (var file : files) {
            assertTrue(file.toString().startsWith("// Generated from login.tl; do not edit\n"), file.typeSpec().name());
        }
    }

    @Test
    void aLaterFileReplacesDefinitionsOfTheSameName() {
        var files = JavaGenerator.generate(List.of(
                SchemaParser.parse("new.tl", "user#1 id:long name:string = User;\n// LAYER 2"),
                SchemaParser.parse("old.tl", "user#2 id:int = User;\n// LAYER 1")), "p", w -> { });
        String user = files.stream().filter(f -> f.typeSpec().name().equals("User")).findFirst().orElseThrow().toString();
        assertTrue(user.contains("CONSTRUCTOR_ID = 0x00000002"), user);
        assertTrue(user.contains("record User(int id)"), user);
        assertTrue(user.startsWith("// Generated from old.tl;"), user);
        String registry = files.stream().filter(f -> f.typeSpec().name().equals("SchemaRegistry")).findFirst().orElseThrow().toString();
        assertTrue(registry.contains("LAYER = 1;"), registry);
    }

    @Test
    void refusesTwoDefinitionsOfOneNameInOneFile() {
        SchemaException e = assertThrows(SchemaException.class, () -> JavaGenerator.generate(
                List.of(SchemaParser.parse("a.tl", "x#1 = X;\nx#2 = X;")), "p", w -> { }));
        assertEquals("a.tl:2:1: x is already declared at a.tl:1:1", e.getMessage());
    }

    @Test
    void refusesNamesThatCollideInJava() {
        SchemaException e = assertThrows(SchemaException.class, () -> JavaGenerator.generate(
                List.of(SchemaParser.parse("a.tl", "fooBar#1 = X;\nfoo_bar#2 = X;")), "p", w -> { }));
        assertEquals("a.tl:2:1: foo_bar would become FooBar, already taken by the name at a.tl:1:1", e.getMessage());
    }

    @Test
    void refusesUnknownTypesWithTheirPosition() {
        SchemaException e = assertThrows(SchemaException.class, () -> JavaGenerator.generate(
                List.of(SchemaParser.parse("a.tl", "x#1 user:User = X;")), "p", w -> { }));
        assertEquals("a.tl:1:10: in x: unknown type 'User': no constructor has that type", e.getMessage());
    }

    @Test
    void warnsAboutIdsThatDifferFromTheCrcRule() {
        Compiled c = new Compiled("ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;", dir);
        assertEquals(1, c.warnings.size());
        assertTrue(c.warnings.get(0).contains("id #37982646 of ipPortSecret differs from the CRC32 #402d9b47"));
        assertEquals(0x37982646, c.create("IpPortSecret", 1, 2, new byte[0]).constructorId());
    }

    @Test
    void escapesJavaKeywordsInComponentNames() {
        Compiled c = new Compiled("dcOption#1 flags:# static:flags.4?true default:int = DcOption;", dir);
        assertEquals(List.of("static_", "default_"),
                Arrays.stream(c.type("DcOption").getRecordComponents()).map(r -> r.getName()).toList());
        assertFalse(c.type("DcOptionType").isRecord());
        assertTrue(c.type("DcOptionType").isSealed());
    }

    @Test
    void boolAndVectorsOfBytesAndStrings() {
        Compiled c = new Compiled("x#1 ok:Bool maybe:flags.0?Bool flags:# = X;".replace(" maybe:flags.0?Bool flags:#", "")
                + "\ny#2 flags:# maybe:flags.0?Bool keys:Vector<bytes> names:Vector<string> nested:Vector<Vector<int>> = Y;", dir);
        TlObject x = c.create("X", true);
        assertEquals("01000000" + "b5757299", HEX.formatHex(x.toByteArray()));
        TlObject y = c.create("Y", false, List.of(new byte[] {9}), List.of("a", "bc"), List.of(List.of(1), List.of()));
        assertEquals(y.serializedSize(), y.toByteArray().length);
        assertEquals(y, c.decode(y.toByteArray()));
        assertEquals("Y[maybe=false, keys=[<1 bytes>], names=[a, bc], nested=[[1], []]]", y.toString());
    }
}
