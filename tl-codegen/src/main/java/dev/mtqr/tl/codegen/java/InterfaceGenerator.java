package dev.mtqr.tl.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.mtqr.tl.codegen.schema.Combinator;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates the sealed interface of a boxed type, with the {@code read} that switches on the constructor id. */
final class InterfaceGenerator {
    private final Codecs codecs;

    InterfaceGenerator(Codecs codecs) {
        this.codecs = codecs;
    }

    TypeSpec generate(String tlType, List<Combinator> constructors) {
        ClassName self = codecs.interfaceClass(tlType);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(Codecs.TL_OBJECT)
                .addJavadoc("TL type {@code $L}: one of $L constructor$L.\n", tlType, constructors.size(),
                        constructors.size() == 1 ? "" : "s");
        for (Combinator c : constructors) {
            type.addPermittedSubclass(codecs.recordClass(c));
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (Combinator c : constructors) {
            ClassName record = codecs.recordClass(c);
            cases.addStatement("case $T.CONSTRUCTOR_ID -> $T.readBare(tlIn)", record, record);
        }
        cases.addStatement("default -> throw $T.unknownConstructor($S, tlId)", Codecs.TL_DECODE_EXCEPTION, tlType);
        type.addMethod(MethodSpec.methodBuilder("read").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Reads a boxed {@code $L}: the constructor id, then that constructor's fields.\n", tlType)
                .addParameter(Codecs.TL_READER, "tlIn")
                .addStatement("int tlId = tlIn.readInt()")
                .addStatement("tlIn.enter()")
                .addCode("$T tlValue = switch (tlId) {\n$>", self)
                .addCode(cases.build())
                .addCode("$<};\n")
                .addStatement("tlIn.leave()")
                .addStatement("return tlValue")
                .build());
        return type.build();
    }
}
