package dev.mtqr.tl.codegen.java;

import dev.mtqr.tl.codegen.schema.Combinator;

/** A parameter's type once resolved against the schema: what Java type it becomes and how it is encoded. */
sealed interface FieldType {
    /** int, long, double, Bool, string, bytes, int128, int256. */
    enum Primitive implements FieldType {
        INT(4), LONG(8), DOUBLE(8), BOOL(4), STRING(-1), BYTES(-1), INT128(16), INT256(32);

        /** The encoded size if it is always the same, else -1. */
        final int fixedSize;

        Primitive(int fixedSize) {
            this.fixedSize = fixedSize;
        }
    }

    /** {@code flags.N?true}: a bit with no data. */
    record TrueFlag() implements FieldType {
    }

    /** {@code #}: a field of flag bits, computed from the optional components. */
    record Flags() implements FieldType {
    }

    /** {@code Vector<T>} (boxed) or {@code vector<T>} (bare). */
    record Vector(FieldType element, boolean bare) implements FieldType {
    }

    /** A boxed TL type: its sealed interface. */
    record Boxed(String tlType) implements FieldType {
    }

    /** A bare constructor ({@code %Message}, {@code future_salt}): its record, written without the id. */
    record Bare(Combinator constructor) implements FieldType {
    }

    /** {@code Object}: any boxed value the reader's registry knows. */
    record AnyObject() implements FieldType {
    }

    /** {@code !X}: a boxed function call whose result type is the type variable. */
    record Method(String variable) implements FieldType {
    }

    /** {@code X} as a result type: whatever the wrapped call returns. */
    record Variable(String variable) implements FieldType {
    }
}
