package dev.mtqr.tl.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.mtqr.tl.codegen.schema.Combinator;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code SchemaRegistry}: every constructor and function of the package by id, for {@code Object} and
 * {@code !X} fields and for a server that reads requests. Large schemas are split into 16 switches by the low
 * bits of the id so that each method stays small enough for the JIT to compile.
 */
final class RegistryGenerator {
    static final String NAME = "SchemaRegistry";
    private static final int SPLIT_ABOVE = 256;

    private final Codecs codecs;

    RegistryGenerator(Codecs codecs) {
        this.codecs = codecs;
    }

    TypeSpec generate(String pkg, List<Combinator> all, List<String> files, Integer layer) {
        ClassName self = ClassName.get(pkg, NAME);
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Codecs.TL_REGISTRY)
                .addJavadoc("Every constructor and function generated from $L, by id.\n", String.join(", ", files))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", self).build())
                .addField(FieldSpec.builder(int.class, "SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("How many constructors and functions this registry knows.\n")
                        .initializer("$L", all.size()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (layer != null) {
            type.addField(FieldSpec.builder(int.class, "LAYER", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The API layer the schema declares ({@code // LAYER $L}).\n", layer)
                    .initializer("$L", layer).build());
        }
        MethodSpec.Builder readBare = MethodSpec.methodBuilder("readBare").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(Codecs.TL_OBJECT)
                .addParameter(int.class, "tlId").addParameter(Codecs.TL_READER, "tlIn");
        if (all.size() <= SPLIT_ABOVE) {
            type.addMethod(readBare.addCode(switchOver(all)).build());
            return type.build();
        }
        readBare.addCode("return switch (tlId & 15) {\n$>");
        for (int bucket = 0; bucket < 16; bucket++) {
            List<Combinator> inBucket = new ArrayList<>();
            for (Combinator c : all) {
                if ((c.id() & 15) == bucket) {
                    inBucket.add(c);
                }
            }
            readBare.addStatement("case $L -> readBare$L(tlId, tlIn)", bucket, bucket);
            type.addMethod(MethodSpec.methodBuilder("readBare" + bucket).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(Codecs.TL_OBJECT).addParameter(int.class, "tlId").addParameter(Codecs.TL_READER, "tlIn")
                    .addCode(switchOver(inBucket)).build());
        }
        readBare.addStatement("default -> throw new $T()", IllegalStateException.class);
        readBare.addCode("$<};\n");
        type.addMethod(readBare.build());
        return type.build();
    }

    private CodeBlock switchOver(List<Combinator> combinators) {
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (tlId) {\n$>");
        for (Combinator c : combinators) {
            ClassName record = codecs.recordClass(c);
            code.addStatement("case $T.CONSTRUCTOR_ID -> $T.readBare(tlIn)", record, record);
        }
        code.addStatement("default -> null");
        return code.add("$<};\n").build();
    }
}
