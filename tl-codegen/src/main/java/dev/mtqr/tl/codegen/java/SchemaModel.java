package dev.mtqr.tl.codegen.java;

import dev.mtqr.tl.codegen.schema.Combinator;
import dev.mtqr.tl.codegen.schema.Param;
import dev.mtqr.tl.codegen.schema.Schema;
import dev.mtqr.tl.codegen.schema.SchemaException;
import dev.mtqr.tl.codegen.schema.SourcePosition;
import dev.mtqr.tl.codegen.schema.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schemas of one package merged and resolved: which constructors and functions are generated, which
 * constructors each boxed type has, and what each parameter's type is. A definition in a later file replaces the
 * one of the same name in an earlier file; within one file a name may appear once. Builtin declarations
 * ({@code int ? = Int}, {@code vector}, {@code boolTrue}, {@code true}, ...) are recognised and not generated.
 */
final class SchemaModel {
    /** Boxed result types whose declarations describe builtins. */
    private static final Set<String> BUILTIN_TYPES = Set.of("Bool", "True", "Vector", "Int", "Long", "Double",
            "String", "Bytes", "Int128", "Int256", "Object", "Type");

    final List<String> files = new ArrayList<>();
    final Integer layer;
    final List<Combinator> constructors = new ArrayList<>();
    final List<Combinator> functions = new ArrayList<>();
    final Map<String, List<Combinator>> types = new LinkedHashMap<>();
    /** Definitions whose id a later definition also has: generated, but not in the registry. */
    final Set<Combinator> shadowed = new java.util.HashSet<>();
    final List<String> idWarnings = new ArrayList<>();
    private final Map<String, Combinator> constructorsByName = new HashMap<>();

    SchemaModel(List<Schema> schemas) {
        Map<String, Combinator> merged = new LinkedHashMap<>();
        Integer lastLayer = null;
        for (Schema schema : schemas) {
            files.add(schema.file());
            lastLayer = schema.layer() != null ? schema.layer() : lastLayer;
            Map<String, Combinator> inThisFile = new HashMap<>();
            for (Combinator c : schema.combinators()) {
                Combinator earlier = inThisFile.put(c.name(), c);
                if (earlier != null) {
                    throw new SchemaException(c.position(), c.name() + " is already declared at " + earlier.position());
                }
                merged.put(c.name(), c);
            }
        }
        layer = lastLayer;
        Map<Integer, Combinator> ids = new HashMap<>();
        for (Combinator c : merged.values()) {
            if (isBuiltin(c)) {
                continue;
            }
            Combinator sameId = ids.put(c.id(), c);
            if (sameId != null) {
                // tdlib's schema declares pseudo-functions (invokeWith*Prefix) with the ids of real ones.
                shadowed.add(sameId);
                idWarnings.add(String.format("%s: id #%08x of %s is also the id of %s at %s; the registry decodes it"
                        + " as %s", c.position(), c.id(), c.name(), sameId.name(), sameId.position(), c.name()));
            }
            if (c.function()) {
                functions.add(c);
            } else {
                if (!c.result().args().isEmpty() || c.result().bare()) {
                    throw new SchemaException(c.result().position(), "the type of constructor " + c.name()
                            + " must be a plain boxed type name, found '" + c.result().name() + "'");
                }
                constructors.add(c);
                constructorsByName.put(c.name(), c);
                types.computeIfAbsent(c.result().name(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Combinator c : merged.values()) {
            if (!isBuiltin(c)) {
                for (Param p : c.params()) {
                    fieldType(c, p);
                }
                if (c.function()) {
                    resultType(c);
                }
            }
        }
    }

    static boolean isBuiltin(Combinator c) {
        return c.builtin() || (!c.function() && BUILTIN_TYPES.contains(c.result().name()))
                || Set.of("vector", "true", "boolTrue", "boolFalse").contains(c.name());
    }

    /** The resolved type of {@code p}, a parameter of {@code owner}. */
    FieldType fieldType(Combinator owner, Param p) {
        if (p.isFlagsField()) {
            return new FieldType.Flags();
        }
        if (p.name() == null) {
            throw new SchemaException(p.position(), "anonymous parameters are allowed only in builtin declarations");
        }
        if (p.type() instanceof TypeExpr.Bang bang) {
            return new FieldType.Method(bang.variable());
        }
        if (p.isTrueFlag()) {
            return new FieldType.TrueFlag();
        }
        if (!(p.type() instanceof TypeExpr.Named named)) {
            throw new SchemaException(p.position(), "parameter " + p.name() + " of " + owner.name()
                    + ": repetitions and '#' inside types are allowed only in builtin declarations");
        }
        return resolve(named, owner);
    }

    /**
     * The resolved result type of function {@code f}. A boxed result type that no constructor has (the service
     * schema's {@code http_wait} returns {@code HttpWait}) is read as any object the registry knows.
     */
    FieldType resultType(Combinator f) {
        TypeExpr.Named result = f.result();
        if (result.args().isEmpty() && f.typeParams().stream().anyMatch(p -> p.name().equals(result.name()))) {
            return new FieldType.Variable(result.name());
        }
        if (result.args().isEmpty() && !result.bare() && !types.containsKey(result.name())
                && !BUILTIN_TYPES.contains(result.name())) {
            return new FieldType.AnyObject();
        }
        return resolve(result, f);
    }

    /** Functions whose result type has no constructors, with a warning for each. */
    List<String> openResultWarnings() {
        List<String> out = new ArrayList<>();
        for (Combinator f : functions) {
            if (resultType(f) instanceof FieldType.AnyObject && !f.result().name().equals("Object")) {
                out.add(f.result().position() + ": " + f.name() + " returns " + f.result().name()
                        + ", which no constructor has; its result is read as any known object");
            }
        }
        return out;
    }

    private FieldType resolve(TypeExpr.Named t, Combinator owner) {
        String name = t.name();
        if (name.equals("Vector") || name.equals("vector")) {
            if (t.args().size() != 1 || !(t.args().get(0) instanceof TypeExpr.Named element)) {
                throw error(t.position(), owner, name + " takes exactly one type argument");
            }
            return new FieldType.Vector(resolve(element, owner), t.bare());
        }
        if (!t.args().isEmpty()) {
            throw error(t.position(), owner, "type " + name + " takes no type arguments");
        }
        switch (name) {
            case "int": return FieldType.Primitive.INT;
            case "long": return FieldType.Primitive.LONG;
            case "double": return FieldType.Primitive.DOUBLE;
            case "string": return FieldType.Primitive.STRING;
            case "bytes": return FieldType.Primitive.BYTES;
            case "int128": return FieldType.Primitive.INT128;
            case "int256": return FieldType.Primitive.INT256;
            case "Bool": return FieldType.Primitive.BOOL;
            case "Object": return new FieldType.AnyObject();
            case "true":
                throw error(t.position(), owner, "a parameter of type 'true' must be conditional (flags.N?true)");
            default:
                break;
        }
        if (t.bare() && !t.percent()) {
            Combinator c = constructorsByName.get(name);
            if (c == null) {
                throw error(t.position(), owner, "unknown bare type '" + name + "': no constructor has that name");
            }
            return new FieldType.Bare(c);
        }
        List<Combinator> ofType = types.get(name);
        if (ofType == null) {
            throw error(t.position(), owner, "unknown type '" + name + "': no constructor has that type");
        }
        if (t.percent()) {
            if (ofType.size() != 1) {
                throw error(t.position(), owner, "bare type '%" + name + "' needs a type with exactly one constructor, it has "
                        + ofType.size());
            }
            return new FieldType.Bare(ofType.get(0));
        }
        return new FieldType.Boxed(name);
    }

    private static SchemaException error(SourcePosition at, Combinator owner, String problem) {
        return new SchemaException(at, "in " + owner.name() + ": " + problem);
    }
}
