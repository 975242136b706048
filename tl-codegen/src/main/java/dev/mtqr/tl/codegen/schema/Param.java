package dev.mtqr.tl.codegen.schema;

/**
 * One parameter of a combinator: {@code name:type}, {@code name:flags.N?type}, or an anonymous one
 * ({@code #}, {@code [ t ]}, {@code ?}), whose name is {@code null}.
 */
public record Param(String name, TypeExpr type, Condition condition, SourcePosition position) {
    /** {@code flags.N?}: present only when bit {@code bit} of the {@code #} field {@code field} is set. */
    public record Condition(String field, int bit) {
    }

    /** {@code name:flags.N?true}: a bit that carries no data. */
    public boolean isTrueFlag() {
        return condition != null && type instanceof TypeExpr.Named n && n.isNamed("true");
    }

    /** {@code name:#}: a field of flag bits. */
    public boolean isFlagsField() {
        return type instanceof TypeExpr.Nat && condition == null;
    }
}
