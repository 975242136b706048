package dev.mtqr.tl.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.mtqr.tl.codegen.schema.Combinator;
import dev.mtqr.tl.codegen.schema.Param;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** For each resolved type: its Java type and the code that writes, sizes and reads a value of it. */
final class Codecs {
    static final String RUNTIME = "dev.mtqr.tl";
    static final ClassName TL_OBJECT = ClassName.get(RUNTIME, "TlObject");
    static final ClassName TL_METHOD = ClassName.get(RUNTIME, "TlMethod");
    static final ClassName TL_READER = ClassName.get(RUNTIME, "TlReader");
    static final ClassName TL_WRITER = ClassName.get(RUNTIME, "TlWriter");
    static final ClassName TL_SIZES = ClassName.get(RUNTIME, "TlSizes");
    static final ClassName TL_VALUES = ClassName.get(RUNTIME, "TlValues");
    static final ClassName TL_REGISTRY = ClassName.get(RUNTIME, "TlRegistry");
    static final ClassName TL_DECODE_EXCEPTION = ClassName.get(RUNTIME, "TlDecodeException");
    static final ClassName INT128 = ClassName.get(RUNTIME, "Int128");
    static final ClassName INT256 = ClassName.get(RUNTIME, "Int256");
    static final ClassName LIST = ClassName.get(List.class);

    private final String pkg;
    private final SchemaModel model;

    Codecs(String pkg, SchemaModel model) {
        this.pkg = pkg;
        this.model = model;
    }

    ClassName recordClass(Combinator c) {
        return ClassName.get(pkg, Naming.recordName(c.name()));
    }

    ClassName interfaceClass(String tlType) {
        return ClassName.get(pkg, Naming.interfaceName(tlType));
    }

    /** The Java type; {@code nullable} asks for the boxed form of a primitive (optional, or a list element). */
    TypeName javaType(FieldType t, boolean nullable) {
        if (t instanceof FieldType.Primitive p) {
            TypeName plain = switch (p) {
                case INT -> TypeName.INT;
                case LONG -> TypeName.LONG;
                case DOUBLE -> TypeName.DOUBLE;
                case BOOL -> TypeName.BOOLEAN;
                case STRING -> ClassName.get(String.class);
                case BYTES -> TypeName.get(byte[].class);
                case INT128 -> INT128;
                case INT256 -> INT256;
            };
            return nullable ? plain.box() : plain;
        }
        if (t instanceof FieldType.TrueFlag) {
            return TypeName.BOOLEAN;
        }
        if (t instanceof FieldType.Vector v) {
            return ParameterizedTypeName.get(LIST, javaType(v.element(), true));
        }
        if (t instanceof FieldType.Boxed b) {
            return interfaceClass(b.tlType());
        }
        if (t instanceof FieldType.Bare b) {
            return recordClass(b.constructor());
        }
        if (t instanceof FieldType.AnyObject) {
            return TL_OBJECT;
        }
        if (t instanceof FieldType.Method m) {
            return ParameterizedTypeName.get(TL_METHOD, TypeVariableName.get(m.variable()));
        }
        if (t instanceof FieldType.Variable v) {
            return TypeVariableName.get(v.variable());
        }
        throw new IllegalStateException("no Java type for " + t);
    }

    /** Whether values of this type hold a {@code byte[]} somewhere (they need generated equals/hashCode/toString). */
    static boolean holdsBytes(FieldType t) {
        return t == FieldType.Primitive.BYTES || (t instanceof FieldType.Vector v && holdsBytes(v.element()));
    }

    /** Statements that write {@code value}. */
    CodeBlock write(FieldType t, String value, int depth) {
        if (t instanceof FieldType.Primitive p) {
            String method = switch (p) {
                case INT -> "writeInt";
                case LONG -> "writeLong";
                case DOUBLE -> "writeDouble";
                case BOOL -> "writeBool";
                case STRING -> "writeString";
                case BYTES -> "writeBytes";
                case INT128 -> "writeInt128";
                case INT256 -> "writeInt256";
            };
            return CodeBlock.of("tlOut.$L($L);\n", method, value);
        }
        if (t instanceof FieldType.Bare) {
            return CodeBlock.of("$L.writeBare(tlOut);\n", value);
        }
        if (t instanceof FieldType.Vector v) {
            if (!v.bare() && v.element() == FieldType.Primitive.INT) {
                return CodeBlock.of("tlOut.writeIntVector($L);\n", value);
            }
            if (!v.bare() && v.element() == FieldType.Primitive.LONG) {
                return CodeBlock.of("tlOut.writeLongVector($L);\n", value);
            }
            String element = "tlE" + depth;
            return CodeBlock.builder()
                    .addStatement(v.bare() ? "tlOut.writeInt($L.size())" : "tlOut.writeVectorHeader($L.size())", value)
                    .beginControlFlow("for ($T $L : $L)", javaType(v.element(), true), element, value)
                    .add(write(v.element(), element, depth + 1))
                    .endControlFlow()
                    .build();
        }
        return CodeBlock.of("$L.write(tlOut);\n", value);
    }

    /** An int expression: the encoded size of {@code value}. */
    CodeBlock size(FieldType t, String value, int depth) {
        if (t instanceof FieldType.Primitive p) {
            if (p.fixedSize > 0) {
                return CodeBlock.of("$L", p.fixedSize);
            }
            return p == FieldType.Primitive.STRING ? CodeBlock.of("$T.string($L)", TL_SIZES, value)
                    : CodeBlock.of("$T.bytes($L.length)", TL_SIZES, value);
        }
        if (t instanceof FieldType.Bare) {
            return CodeBlock.of("$L.bareSize()", value);
        }
        if (t instanceof FieldType.Vector v) {
            int header = v.bare() ? 4 : 8;
            int fixed = fixedSize(v.element());
            if (fixed > 0) {
                return CodeBlock.of("$L + $L.size() * $L", header, value, fixed);
            }
            String element = "tlE" + depth;
            return CodeBlock.of("$L + $T.sum($L, $L -> $L)", header, TL_SIZES, value, element,
                    size(v.element(), element, depth + 1));
        }
        return CodeBlock.of("$L.serializedSize()", value);
    }

    /** An expression that reads a value. */
    CodeBlock read(FieldType t, String reader, int depth) {
        if (t instanceof FieldType.Primitive p) {
            String method = switch (p) {
                case INT -> "readInt";
                case LONG -> "readLong";
                case DOUBLE -> "readDouble";
                case BOOL -> "readBool";
                case STRING -> "readString";
                case BYTES -> "readBytes";
                case INT128 -> "readInt128";
                case INT256 -> "readInt256";
            };
            return CodeBlock.of("$L.$L()", reader, method);
        }
        if (t instanceof FieldType.Boxed b) {
            return CodeBlock.of("$T.read($L)", interfaceClass(b.tlType()), reader);
        }
        if (t instanceof FieldType.Bare b) {
            return CodeBlock.of("$T.readBare($L)", recordClass(b.constructor()), reader);
        }
        if (t instanceof FieldType.AnyObject) {
            return CodeBlock.of("$L.readObject()", reader);
        }
        if (t instanceof FieldType.Method) {
            return CodeBlock.of("$L.readMethod()", reader);
        }
        if (t instanceof FieldType.Vector v) {
            if (!v.bare() && v.element() == FieldType.Primitive.INT) {
                return CodeBlock.of("$L.readIntVector()", reader);
            }
            if (!v.bare() && v.element() == FieldType.Primitive.LONG) {
                return CodeBlock.of("$L.readLongVector()", reader);
            }
            String element = "tlE" + depth;
            return CodeBlock.of("$L.$L($L -> $L, $L)", reader, v.bare() ? "readBareVector" : "readVector", element,
                    read(v.element(), element, depth + 1), minSize(v.element(), new HashSet<>()));
        }
        throw new IllegalStateException("cannot read " + t);
    }

    /** The encoded size if every value of the type has the same one, else -1. */
    static int fixedSize(FieldType t) {
        return t instanceof FieldType.Primitive p ? p.fixedSize : -1;
    }

    /** The fewest bytes a value can take, so that vector counts can be checked before allocating. */
    int minSize(FieldType t, Set<Combinator> visiting) {
        if (t instanceof FieldType.Primitive p) {
            return p.fixedSize > 0 ? p.fixedSize : 4;
        }
        if (t instanceof FieldType.TrueFlag) {
            return 0;
        }
        if (t instanceof FieldType.Vector v) {
            return v.bare() ? 4 : 8;
        }
        if (t instanceof FieldType.Bare b) {
            if (!visiting.add(b.constructor())) {
                return 0;
            }
            int size = 0;
            for (Param p : b.constructor().params()) {
                size += p.condition() != null ? 0 : minSize(model.fieldType(b.constructor(), p), visiting);
            }
            visiting.remove(b.constructor());
            return size;
        }
        return 4;
    }
}
