package dev.mtqr.tl.codegen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaParserTest {
    private static Combinator only(String text) {
        List<Combinator> all = SchemaParser.parse("t.tl", text).combinators();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static SchemaException error(String text) {
        return assertThrows(SchemaException.class, () -> SchemaParser.parse("t.tl", text));
    }

    @Test
    void readsNamespaceIdParametersAndResult() {
        Combinator c = only("auth.loginToken#629f1980 expires:int token:bytes = auth.LoginToken;");
        assertEquals("auth.loginToken", c.name());
        assertEquals(0x629f1980, c.explicitId());
        assertFalse(c.function());
        assertEquals(List.of("expires", "token"), c.params().stream().map(Param::name).toList());
        assertEquals("bytes", ((TypeExpr.Named) c.params().get(1).type()).name());
        assertEquals("auth.LoginToken", c.result().name());
        assertEquals(new SourcePosition("t.tl", 1, 1), c.position());
    }

    @Test
    void acceptsIdsOfOneToEightHexDigits() {
        assertEquals(0x068e9916, only("auth.loginTokenMigrateTo#68e9916 dc_id:int token:bytes = auth.LoginToken;").id());
        assertEquals(0x5, only("a#5 = A;").id());
        assertEquals(0x0dae54f8, only("b#0dae54f8 = B;").id());
    }

    @Test
    void refusesAnIdOfNineDigitsWithItsPosition() {
        SchemaException e = error("\n  a#123456789 = A;");
        assertEquals(new SourcePosition("t.tl", 2, 4), e.position());
        assertTrue(e.getMessage().startsWith("t.tl:2:4: a constructor id has 1 to 8 hex digits"), e.getMessage());
    }

    @Test
    void computesTheIdWhereTheSchemaGivesNone() {
        Combinator c = only("message msg_id:long seqno:int bytes:int body:Object = Message;");
        assertNull(c.explicitId());
        assertEquals(ConstructorIds.computed(c), c.id());
    }

    @Test
    void skipsCommentsAndRemembersTheLayer() {
        Schema schema = SchemaParser.parse("t.tl", """
                // a line comment
                /* a block
                   comment */ a#1 = A; // trailing
                // LAYER 228
                """);
        assertEquals(1, schema.combinators().size());
        assertEquals(228, schema.layer());
        assertEquals(3, schema.combinators().get(0).position().line());
        assertEquals(15, schema.combinators().get(0).position().column());
    }

    @Test
    void marksDeclarationsAfterTheFunctionsSectionAsFunctions() {
        List<Combinator> all = SchemaParser.parse("t.tl", """
                a#1 = A;
                ---functions---
                f#2 = A;
                ---types---
                b#3 = B;
                """).combinators();
        assertEquals(List.of(false, true, false), all.stream().map(Combinator::function).toList());
    }

    @Test
    void readsFlagsConditionsAndTrueFlags() {
        Combinator c = only("x#1 flags:# a:flags.0?true b:flags.31?string flags2:# c:flags2.3?Vector<long> = X;");
        assertTrue(c.params().get(0).isFlagsField());
        assertTrue(c.params().get(1).isTrueFlag());
        assertEquals(new Param.Condition("flags", 31), c.params().get(2).condition());
        assertEquals(new Param.Condition("flags2", 3), c.params().get(4).condition());
        TypeExpr.Named vector = (TypeExpr.Named) c.params().get(4).type();
        assertEquals("Vector", vector.name());
        assertEquals("long", ((TypeExpr.Named) vector.args().get(0)).name());
    }

    @Test
    void refusesAFlagBitAbove31() {
        SchemaException e = error("x#1 flags:# a:flags.32?int = X;");
        assertEquals(new SourcePosition("t.tl", 1, 21), e.position());
        assertTrue(e.problem().contains("flag bit 32 is outside 0..31"), e.problem());
    }

    @Test
    void refusesAConditionOnAFieldThatIsNotDeclaredBefore() {
        SchemaException e = error("x#1 a:flags.0?int flags:# = X;");
        assertEquals(new SourcePosition("t.tl", 1, 7), e.position());
        assertTrue(e.problem().contains("'flags', which is not an earlier '#' parameter"), e.problem());
    }

    @Test
    void distinguishesBareAndBoxedTypes() {
        Combinator c = only("x#1 a:vector<%Message> b:Vector<future_salt> c:User d:auth.LoginToken e:int = X;");
        TypeExpr.Named a = (TypeExpr.Named) c.params().get(0).type();
        assertTrue(a.bare());
        assertTrue(((TypeExpr.Named) a.args().get(0)).bare());
        assertTrue(((TypeExpr.Named) a.args().get(0)).percent());
        TypeExpr.Named b = (TypeExpr.Named) c.params().get(1).type();
        assertFalse(b.bare());
        assertTrue(((TypeExpr.Named) b.args().get(0)).bare());
        assertFalse(((TypeExpr.Named) c.params().get(2).type()).bare());
        assertFalse(((TypeExpr.Named) c.params().get(3).type()).bare());
        assertTrue(((TypeExpr.Named) c.params().get(4).type()).bare());
    }

    @Test
    void readsGenericFunctions() {
        Combinator c = only("---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;");
        assertTrue(c.function());
        assertEquals("X", c.typeParams().get(0).name());
        assertInstanceOf(TypeExpr.Bang.class, c.params().get(1).type());
        assertEquals("X", c.result().name());
    }

    @Test
    void refusesABangOfAnUndeclaredVariable() {
        SchemaException e = error("---functions---\nf#1 {X:Type} q:!Y = X;");
        assertEquals(new SourcePosition("t.tl", 2, 16), e.position());
        assertTrue(e.problem().contains("'!Y' names no type parameter"), e.problem());
    }

    @Test
    void readsTheBuiltinDeclarations() {
        List<Combinator> all = SchemaParser.parse("t.tl", """
                int ? = Int;
                vector {t:Type} # [ t ] = Vector t;
                int128 4*[ int ] = Int128;
                """).combinators();
        assertTrue(all.stream().allMatch(Combinator::builtin));
        assertEquals("Vector", all.get(1).result().name());
        assertEquals("t", ((TypeExpr.Named) all.get(1).result().args().get(0)).name());
        TypeExpr.Repeat repeat = (TypeExpr.Repeat) all.get(2).params().get(0).type();
        assertEquals("4", repeat.multiplier());
    }

    @Test
    void readsParenthesisedTypeApplication() {
        Combinator c = only("---functions---\ngetUsers (Vector int) = Vector User;");
        TypeExpr.Named arg = (TypeExpr.Named) c.params().get(0).type();
        assertEquals("Vector", arg.name());
        assertEquals(1, arg.args().size());
        assertEquals("Vector", c.result().name());
    }

    @Test
    void saysWhatWasExpectedWhenTheSemicolonIsMissing() {
        SchemaException e = error("a#1 x:int = A\nb#2 = B;");
        assertEquals(new SourcePosition("t.tl", 2, 1), e.position());
        assertEquals("t.tl:2:1: expected ';' after the result type of a, found 'b'", e.getMessage());
    }

    @Test
    void saysWhatWasExpectedWhenAParameterHasNoType() {
        SchemaException e = error("a#1 x: = A;");
        assertEquals("t.tl:1:8: expected a type, found '='", e.getMessage());
    }

    @Test
    void saysWhatWasExpectedWhenTheEqualsSignIsMissing() {
        SchemaException e = error("a#1 x:int;");
        assertEquals("t.tl:1:10: expected a parameter or '=' in the declaration of a, found ';'", e.getMessage());
    }

    @Test
    void refusesAnUnexpectedCharacter() {
        assertEquals("t.tl:1:5: unexpected character '$'", error("a#1 $ = A;").getMessage());
    }

    @Test
    void refusesAnUnclosedComment() {
        assertEquals("t.tl:2:3: comment is not closed: expected '*/'", error("a#1 = A;\n  /* open").getMessage());
    }

    @Test
    void refusesAnUnknownSection() {
        assertTrue(error("---methods---").getMessage().startsWith("t.tl:1:1: expected '---functions---' or '---types---'"));
    }

    @Test
    void refusesAnUnclosedTypeArgumentList() {
        assertEquals("t.tl:1:18: expected '>' or ',' in the type arguments of Vector, found '='",
                error("a#1 x:Vector<int = A;").getMessage());
    }
}
