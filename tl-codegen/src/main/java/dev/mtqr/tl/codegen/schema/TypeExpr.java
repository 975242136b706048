package dev.mtqr.tl.codegen.schema;

import java.util.List;

/** A type as written in a schema: {@code int}, {@code %Message}, {@code Vector<long>}, {@code !X}, {@code #}, {@code [ t ]}. */
public sealed interface TypeExpr {
    SourcePosition position();

    /**
     * A named type, possibly with arguments. It is bare when written with {@code %} or when the part of its name
     * after the namespace starts with a lowercase letter ({@code int}, {@code vector}, {@code future_salt}).
     */
    record Named(String name, boolean percent, List<TypeExpr> args, SourcePosition position) implements TypeExpr {
        public boolean bare() {
            String local = name.substring(name.lastIndexOf('.') + 1);
            return percent || Character.isLowerCase(local.charAt(0));
        }

        /** The name as a boxed type: {@code %Message} is type {@code Message}. */
        public boolean isNamed(String other) {
            return name.equals(other) && args.isEmpty();
        }
    }

    /** {@code !X}: a value of the type variable {@code X}, serialized as a complete boxed function call. */
    record Bang(String variable, SourcePosition position) implements TypeExpr {
    }

    /** {@code #}: a natural number, the type of {@code flags} fields. */
    record Nat(SourcePosition position) implements TypeExpr {
    }

    /** {@code [ ... ]} or {@code N*[ ... ]}: a repetition, as used by builtin declarations such as {@code vector}. */
    record Repeat(String multiplier, List<Param> fields, SourcePosition position) implements TypeExpr {
    }
}
