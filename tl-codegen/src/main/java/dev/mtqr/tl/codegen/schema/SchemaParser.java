package dev.mtqr.tl.codegen.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses TL schema text (core.telegram.org/mtproto/TL): comments, {@code ---functions---}/{@code ---types---},
 * namespaces, explicit ids of 1 to 8 hex digits, {@code flags:#} fields and {@code flags.N?T} conditions,
 * {@code Vector<T>}, bare types ({@code %T} and lowercase names), generic functions ({@code {X:Type}} with
 * {@code !X}) and the builtin declarations ({@code int ? = Int}, {@code vector {t:Type} # [ t ] = Vector t},
 * {@code int128 4*[ int ] = Int128}). Errors name the file, line and column and what was expected.
 */
public final class SchemaParser {
    private final List<Token> tokens;
    private int next;
    private boolean functions;

    private SchemaParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}, naming {@code file} in positions and errors. */
    public static Schema parse(String file, String text) {
        Lexer lexer = new Lexer(file, text);
        SchemaParser parser = new SchemaParser(lexer.tokens());
        List<Combinator> combinators = parser.declarations();
        return new Schema(file, combinators, lexer.layer());
    }

    private List<Combinator> declarations() {
        List<Combinator> out = new ArrayList<>();
        while (peek().kind() != Token.Kind.END) {
            Token t = peek();
            if (t.kind() == Token.Kind.SECTION) {
                functions = t.text().equals("functions");
                next++;
            } else {
                out.add(declaration());
            }
        }
        return out;
    }

    private Combinator declaration() {
        Token name = expectIdent("a constructor or function name");
        Integer id = null;
        if (peek().kind() == Token.Kind.ID) {
            id = (int) Long.parseLong(take().text(), 16);
        }
        List<Param> typeParams = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        boolean builtin = false;
        while (!peek().is("=")) {
            Token t = peek();
            if (t.is("{")) {
                typeParams.addAll(optionalArgs());
            } else if (t.is("?")) {
                take();
                builtin = true;
                params.add(new Param(null, new TypeExpr.Named("?", false, List.of(), t.position()), null, t.position()));
            } else if (t.kind() == Token.Kind.END || t.is(";")) {
                throw error(t, "expected a parameter or '=' in the declaration of " + name.text());
            } else {
                Param p = param(params, typeParams);
                builtin |= p.type() instanceof TypeExpr.Repeat;
                params.add(p);
            }
        }
        take();
        TypeExpr.Named result = resultType();
        expect(";", "';' after the result type of " + name.text());
        return new Combinator(name.text(), id, functions, List.copyOf(typeParams), List.copyOf(params), result, builtin,
                name.position());
    }

    private List<Param> optionalArgs() {
        expect("{", "'{'");
        List<Param> out = new ArrayList<>();
        do {
            Token name = expectIdent("a type parameter name");
            expect(":", "':' after type parameter " + name.text());
            TypeExpr type = typeExpr();
            out.add(new Param(name.text(), type, null, name.position()));
        } while (!peek().is("}") && peek().kind() == Token.Kind.IDENT);
        expect("}", "'}' to close the type parameters");
        return out;
    }

    private Param param(List<Param> earlier, List<Param> typeParams) {
        Token first = peek();
        if (first.is("#")) {
            take();
            return new Param(null, new TypeExpr.Nat(first.position()), null, first.position());
        }
        if (first.is("[") || isMultiplier()) {
            return new Param(null, repeat(), null, first.position());
        }
        if (first.kind() == Token.Kind.IDENT && peekAt(1).is(":")) {
            take();
            take();
            Param.Condition condition = null;
            if (peek().kind() == Token.Kind.IDENT && peekAt(1).is(".") && peekAt(2).kind() == Token.Kind.NUMBER) {
                condition = condition(earlier);
            }
            TypeExpr type = isMultiplier() || peek().is("[") ? repeat() : typeExpr();
            checkVariables(type, typeParams);
            return new Param(first.text(), type, condition, first.position());
        }
        if (first.kind() == Token.Kind.IDENT || first.is("%") || first.is("!") || first.is("(")) {
            TypeExpr type = typeExpr();
            return new Param(null, type, null, first.position());
        }
        throw error(first, "expected a parameter ('name:type', '#', '[ ... ]' or '{X:Type}') or '='");
    }

    private Param.Condition condition(List<Param> earlier) {
        Token field = take();
        take();
        Token bit = take();
        expect("?", "'?' after " + field.text() + "." + bit.text());
        boolean declared = earlier.stream().anyMatch(p -> field.text().equals(p.name()) && p.isFlagsField());
        if (!declared) {
            throw new SchemaException(field.position(),
                    "condition uses '" + field.text() + "', which is not an earlier '#' parameter");
        }
        int value = Integer.parseInt(bit.text());
        if (value > 31) {
            throw new SchemaException(bit.position(), "flag bit " + value + " is outside 0..31");
        }
        return new Param.Condition(field.text(), value);
    }

    private TypeExpr.Repeat repeat() {
        Token start = peek();
        String multiplier = null;
        if (isMultiplier()) {
            multiplier = take().text();
            take();
        }
        expect("[", "'['");
        List<Param> fields = new ArrayList<>();
        while (!peek().is("]")) {
            if (peek().kind() == Token.Kind.END || peek().is(";") || peek().is("=")) {
                throw error(peek(), "expected ']' to close the repetition");
            }
            fields.add(param(fields, List.of()));
        }
        take();
        return new TypeExpr.Repeat(multiplier, List.copyOf(fields), start.position());
    }

    private boolean isMultiplier() {
        Token t = peek();
        return (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.IDENT) && peekAt(1).is("*");
    }

    private TypeExpr typeExpr() {
        Token t = peek();
        if (t.is("!")) {
            take();
            Token variable = expectIdent("a type variable after '!'");
            return new TypeExpr.Bang(variable.text(), t.position());
        }
        if (t.is("#")) {
            take();
            return new TypeExpr.Nat(t.position());
        }
        if (t.is("%")) {
            take();
            TypeExpr.Named inner = namedType();
            return new TypeExpr.Named(inner.name(), true, inner.args(), t.position());
        }
        if (t.is("(")) {
            take();
            Token name = expectIdent("a type name after '('");
            List<TypeExpr> args = new ArrayList<>();
            while (!peek().is(")")) {
                if (peek().kind() == Token.Kind.END || peek().is(";")) {
                    throw error(peek(), "expected ')'");
                }
                args.add(typeExpr());
            }
            take();
            return new TypeExpr.Named(name.text(), false, List.copyOf(args), name.position());
        }
        return namedType();
    }

    private TypeExpr.Named namedType() {
        Token name = expectIdent("a type");
        List<TypeExpr> args = new ArrayList<>();
        if (peek().is("<")) {
            take();
            args.add(typeExpr());
            while (peek().is(",")) {
                take();
                args.add(typeExpr());
            }
            expect(">", "'>' or ',' in the type arguments of " + name.text());
        }
        return new TypeExpr.Named(name.text(), false, List.copyOf(args), name.position());
    }

    private TypeExpr.Named resultType() {
        TypeExpr.Named head = namedType();
        List<TypeExpr> args = new ArrayList<>(head.args());
        // Arguments written with spaces ("= Vector t") stay on the line of the type, so that a missing ';'
        // is reported where the next declaration starts.
        while (!peek().is(";") && peek().kind() != Token.Kind.END
                && peek().position().line() == head.position().line()) {
            args.add(typeExpr());
        }
        return new TypeExpr.Named(head.name(), false, List.copyOf(args), head.position());
    }

    private void checkVariables(TypeExpr type, List<Param> typeParams) {
        if (type instanceof TypeExpr.Bang bang
                && typeParams.stream().noneMatch(p -> p.name().equals(bang.variable()))) {
            throw new SchemaException(bang.position(),
                    "'!" + bang.variable() + "' names no type parameter; declare {" + bang.variable() + ":Type} first");
        }
    }

    private Token expectIdent(String what) {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT) {
            throw error(t, "expected " + what);
        }
        return take();
    }

    private void expect(String punct, String what) {
        Token t = peek();
        if (!t.is(punct)) {
            throw error(t, "expected " + what);
        }
        take();
    }

    private SchemaException error(Token at, String expected) {
        return new SchemaException(at.position(), expected + ", found " + at.describe());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        return tokens.get(next++);
    }
}
