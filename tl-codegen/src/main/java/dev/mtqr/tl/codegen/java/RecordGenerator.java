package dev.mtqr.tl.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.mtqr.tl.codegen.schema.Combinator;
import dev.mtqr.tl.codegen.schema.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Generates the record of one constructor or function: components, serialization, size, decoding. */
final class RecordGenerator {
    private final SchemaModel model;
    private final Codecs codecs;

    RecordGenerator(SchemaModel model, Codecs codecs) {
        this.model = model;
        this.codecs = codecs;
    }

    TypeSpec generate(Combinator c) {
        List<Component> all = Components.of(c, model);
        List<Component> components = all.stream().filter(Component::isComponent).toList();
        ClassName self = codecs.recordClass(c);
        List<TypeVariableName> variables = c.typeParams().stream().map(p -> TypeVariableName.get(p.name())).toList();
        TypeName selfType = variables.isEmpty() ? self
                : ParameterizedTypeName.get(self, variables.toArray(TypeName[]::new));
        TypeName selfWildcard = variables.isEmpty() ? self : ParameterizedTypeName.get(self,
                variables.stream().map(v -> WildcardTypeName.subtypeOf(Object.class)).toArray(TypeName[]::new));

        TypeSpec.Builder type = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC).addTypeVariables(variables);
        type.addJavadoc(javadoc(c, all));
        if (c.function()) {
            type.addSuperinterface(ParameterizedTypeName.get(Codecs.TL_METHOD,
                    codecs.javaType(model.resultType(c), true)));
        } else {
            type.addSuperinterface(codecs.interfaceClass(c.result().name()));
        }
        type.addField(FieldSpec.builder(int.class, "CONSTRUCTOR_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("0x$L", String.format("%08x", c.id())).build());
        type.addField(FieldSpec.builder(String.class, "TL_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", c.name()).build());

        type.recordConstructor(compactConstructor(c, components, all));
        for (Component d : all) {
            if (d.kind() == Component.Kind.DERIVED) {
                type.addMethod(MethodSpec.methodBuilder(d.name()).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                        .addJavadoc("Whether {@code $L} is set; it shares its flag bit with {@code $L}.\n",
                                d.param().name(), d.derivedFrom().param().name())
                        .addStatement("return $L", d.presence()).build());
            }
        }
        type.addMethod(MethodSpec.methodBuilder("constructorId").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return CONSTRUCTOR_ID").build());
        type.addMethod(MethodSpec.methodBuilder("tlName").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return TL_NAME").build());
        type.addMethod(writeBare(all));
        type.addMethod(bareSize(all));
        type.addMethod(readBare(c, all, components, self, selfWildcard, !variables.isEmpty()));
        if (c.function()) {
            type.addMethod(readResult(c));
        }
        if (components.stream().anyMatch(x -> Codecs.holdsBytes(x.type()))) {
            addValueMethods(type, self, selfType, components);
        }
        return type.build();
    }

    private CodeBlock javadoc(Combinator c, List<Component> all) {
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("TL $L {@code $L}", c.function() ? "function" : "constructor", c.nameWithId());
        if (c.function()) {
            doc.add(", answered with {@code $L}", c.result().name());
        } else {
            doc.add(" of type {@code $L}", c.result().name());
        }
        doc.add(" ($L).\n", c.position());
        for (Component x : all) {
            if (x.isComponent() && x.param().condition() != null) {
                doc.add("\n<p>{@code $L} is $L when bit $L of {@code $L} is clear.\n", x.name(),
                        x.kind() == Component.Kind.FLAG ? "false" : "null", x.param().condition().bit(),
                        x.param().condition().field());
            }
        }
        return doc.build();
    }

    private MethodSpec compactConstructor(Combinator c, List<Component> components, List<Component> all) {
        MethodSpec.Builder m = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Component x : components) {
            m.addParameter(codecs.javaType(x.type(), x.kind() == Component.Kind.OPTIONAL), x.name());
        }
        for (Component x : components) {
            boolean reference = !codecs.javaType(x.type(), false).isPrimitive();
            if (x.kind() == Component.Kind.REQUIRED && reference) {
                m.addStatement("$T.requireNonNull($L, $S)", Objects.class, x.name(), x.name());
            }
            if (x.type() instanceof FieldType.Vector) {
                if (x.kind() == Component.Kind.OPTIONAL) {
                    m.addStatement("$L = $L == null ? null : $T.copyOf($L)", x.name(), x.name(), List.class, x.name());
                } else {
                    m.addStatement("$L = $T.copyOf($L)", x.name(), List.class, x.name());
                }
            }
        }
        for (Map.Entry<Param.Condition, List<Component>> group : Components.sharedBits(all).entrySet()) {
            List<Component> members = group.getValue();
            String nulls = members.stream().map(x -> "(" + x.name() + " == null)").collect(Collectors.joining(" != "));
            String condition = members.size() == 2 ? nulls
                    : members.stream().map(x -> x.name() + " == null").collect(Collectors.joining(" && ")) + " ? false : "
                            + members.stream().map(x -> x.name() + " == null").collect(Collectors.joining(" || "));
            m.beginControlFlow("if ($L)", condition)
                    .addStatement("throw new $T($S)", IllegalArgumentException.class, c.name() + ": "
                            + members.stream().map(x -> x.name()).collect(Collectors.joining(", "))
                            + " share flag bit " + group.getKey().field() + "." + group.getKey().bit()
                            + ", so they must be all set or all null")
                    .endControlFlow();
        }
        return m.build();
    }

    private MethodSpec writeBare(List<Component> all) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("writeBare").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(Codecs.TL_WRITER, "tlOut");
        for (Component flags : all) {
            if (flags.kind() == Component.Kind.FLAGS) {
                m.addStatement("int $L = 0", flags.name());
                java.util.Set<Param.Condition> done = new java.util.HashSet<>();
                for (Component x : all) {
                    Param.Condition condition = x.param().condition();
                    // Parameters that share a bit are all set or all clear, so the first one speaks for the bit.
                    if (condition != null && condition.field().equals(flags.param().name()) && done.add(condition)) {
                        m.beginControlFlow("if ($L)", x.presence())
                                .addStatement("$L |= $L", flags.name(), bit(condition.bit()))
                                .endControlFlow();
                    }
                }
            }
        }
        for (Component x : all) {
            switch (x.kind()) {
                case FLAGS -> m.addStatement("tlOut.writeInt($L)", x.name());
                case REQUIRED -> m.addCode(codecs.write(x.type(), "this." + x.name(), 0));
                case OPTIONAL -> m.beginControlFlow("if (this.$L != null)", x.name())
                        .addCode(codecs.write(x.type(), "this." + x.name(), 0)).endControlFlow();
                default -> {
                }
            }
        }
        return m.build();
    }

    private MethodSpec bareSize(List<Component> all) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("bareSize").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(int.class);
        int constant = 0;
        List<CodeBlock> variable = new ArrayList<>();
        List<Component> optional = new ArrayList<>();
        for (Component x : all) {
            switch (x.kind()) {
                case FLAGS -> constant += 4;
                case REQUIRED -> {
                    int fixed = Codecs.fixedSize(x.type());
                    if (fixed > 0) {
                        constant += fixed;
                    } else {
                        variable.add(codecs.size(x.type(), "this." + x.name(), 0));
                    }
                }
                case OPTIONAL -> optional.add(x);
                default -> {
                }
            }
        }
        CodeBlock.Builder sum = CodeBlock.builder().add("$L", constant);
        for (CodeBlock v : variable) {
            sum.add(" + $L", v);
        }
        if (optional.isEmpty()) {
            return m.addStatement("return $L", sum.build()).build();
        }
        m.addStatement("int tlSize = $L", sum.build());
        for (Component x : optional) {
            m.beginControlFlow("if (this.$L != null)", x.name())
                    .addStatement("tlSize += $L", codecs.size(x.type(), "this." + x.name(), 0))
                    .endControlFlow();
        }
        return m.addStatement("return tlSize").build();
    }

    private MethodSpec readBare(Combinator c, List<Component> all, List<Component> components, ClassName self,
            TypeName selfWildcard, boolean generic) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("readBare").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(selfWildcard).addParameter(Codecs.TL_READER, "tlIn")
                .addJavadoc("Reads the fields of {@code $L} (its id has been read already).\n", c.name());
        if (all.isEmpty()) {
            return m.addStatement("return new $T()", self).build();
        }
        m.addStatement("String tlField = null");
        m.beginControlFlow("try");
        for (Component x : all) {
            m.addStatement("tlField = $S", x.param().name());
            switch (x.kind()) {
                case FLAGS -> m.addStatement("int $L = tlIn.readInt()", x.name());
                case REQUIRED -> m.addStatement("$T $L = $L", x.type() instanceof FieldType.Method
                        ? ParameterizedTypeName.get(Codecs.TL_METHOD, WildcardTypeName.subtypeOf(Object.class))
                        : codecs.javaType(x.type(), false), x.name(), codecs.read(x.type(), "tlIn", 0));
                case FLAG -> m.addStatement("boolean $L = ($L & $L) != 0", x.name(),
                        Naming.componentName(x.param().condition().field()), bit(x.param().condition().bit()));
                case OPTIONAL -> m.addStatement("$T $L = ($L & $L) != 0 ? $L : null", codecs.javaType(x.type(), true),
                        x.name(), Naming.componentName(x.param().condition().field()), bit(x.param().condition().bit()),
                        boxedRead(x.type()));
                default -> {
                }
            }
        }
        String args = components.stream().map(Component::name).collect(Collectors.joining(", "));
        m.addStatement(generic ? "return new $T<>($L)" : "return new $T($L)", self, args);
        m.nextControlFlow("catch ($T tlError)", Codecs.TL_DECODE_EXCEPTION);
        m.addStatement("throw tlError.at($S, tlField)", c.nameWithId());
        m.endControlFlow();
        return m.build();
    }

    /** A read whose result is a reference, so that {@code cond ? read : null} never unboxes. */
    private CodeBlock boxedRead(FieldType t) {
        CodeBlock read = codecs.read(t, "tlIn", 0);
        TypeName plain = codecs.javaType(t, false);
        return plain.isPrimitive() ? CodeBlock.of("($T) $L", plain.box(), read) : read;
    }

    private MethodSpec readResult(Combinator f) {
        FieldType result = model.resultType(f);
        MethodSpec.Builder m = MethodSpec.methodBuilder("readResult").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(codecs.javaType(result, true))
                .addParameter(Codecs.TL_READER, "tlIn");
        if (result instanceof FieldType.Variable v) {
            String query = f.params().stream()
                    .filter(p -> p.type() instanceof dev.mtqr.tl.codegen.schema.TypeExpr.Bang b
                            && b.variable().equals(v.variable()))
                    .map(p -> Naming.componentName(p.name())).findFirst()
                    .orElseThrow(() -> new dev.mtqr.tl.codegen.schema.SchemaException(f.position(),
                            f.name() + " returns " + v.variable() + " but has no parameter of type !" + v.variable()));
            return m.addStatement("return this.$L.readResult(tlIn)", query).build();
        }
        CodeBlock read = codecs.read(result, "tlIn", 0);
        return m.addStatement("return $L", read).build();
    }

    private void addValueMethods(TypeSpec.Builder type, ClassName self, TypeName selfType, List<Component> components) {
        CodeBlock.Builder equal = CodeBlock.builder();
        CodeBlock.Builder hash = CodeBlock.builder().add("int tlValue = 1;\n");
        CodeBlock.Builder text = CodeBlock.builder().add("return $S", self.simpleName() + "[");
        for (int i = 0; i < components.size(); i++) {
            Component x = components.get(i);
            TypeName javaType = codecs.javaType(x.type(), x.kind() == Component.Kind.OPTIONAL);
            equal.add(i == 0 ? "" : "\n    && ");
            if (javaType.isPrimitive()) {
                equal.add(javaType.equals(TypeName.DOUBLE) ? "Double.compare($L, tlOther.$L) == 0" : "$L == tlOther.$L",
                        x.name(), x.name());
                hash.add("tlValue = 31 * tlValue + $T.hashCode($L);\n", javaType.box(), x.name());
            } else {
                equal.add("$T.deepEquals($L, tlOther.$L)", Codecs.TL_VALUES, x.name(), x.name());
                hash.add("tlValue = 31 * tlValue + $T.deepHashCode($L);\n", Codecs.TL_VALUES, x.name());
            }
            text.add(" + $S + $T.describe($L)", (i == 0 ? "" : ", ") + x.name() + "=", Codecs.TL_VALUES, x.name());
        }
        TypeName other = selfType instanceof ParameterizedTypeName ? ParameterizedTypeName.get(self,
                ((ParameterizedTypeName) selfType).typeArguments().stream()
                        .map(a -> WildcardTypeName.subtypeOf(Object.class)).toArray(TypeName[]::new)) : self;
        type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(boolean.class).addParameter(Object.class, "tlObject")
                .addStatement("return this == tlObject || (tlObject instanceof $T tlOther\n    && $L)", other, equal.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(int.class).addCode(hash.build()).addStatement("return tlValue").build());
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("$L + $S", text.build(), "]").build());
    }

    private static String bit(int bit) {
        return bit == 31 ? "0x80000000" : "0x" + Integer.toHexString(1 << bit);
    }
}
