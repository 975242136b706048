package dev.mtqr.tl.codegen.schema;

import java.util.List;

/**
 * A constructor or function declaration.
 *
 * @param name        the full name with namespace, {@code auth.loginToken}
 * @param explicitId  the id written after {@code #}, or {@code null} where the schema gives none
 * @param function    declared after {@code ---functions---}
 * @param typeParams  the {@code {X:Type}} parameters of a generic function
 * @param params      the parameters in order
 * @param result      the type after {@code =}
 * @param builtin     a declaration of a builtin type ({@code int ? = Int}, {@code vector # [ t ]}), not generated
 */
public record Combinator(String name, Integer explicitId, boolean function, List<Param> typeParams, List<Param> params,
        TypeExpr.Named result, boolean builtin, SourcePosition position) {

    /** The id: the explicit one if the schema gives it, else the CRC32 of the normalised declaration. */
    public int id() {
        return explicitId != null ? explicitId : ConstructorIds.computed(this);
    }

    /** {@code name#id}, as messages and the generated {@code tlName} show it. */
    public String nameWithId() {
        return name + "#" + String.format("%08x", id());
    }
}
