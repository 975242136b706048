package dev.mtqr.tl.codegen.java;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.mtqr.tl.codegen.schema.Combinator;
import dev.mtqr.tl.codegen.schema.ConstructorIds;
import dev.mtqr.tl.codegen.schema.Schema;
import dev.mtqr.tl.codegen.schema.SchemaException;
import dev.mtqr.tl.codegen.schema.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns parsed schemas into Java sources for one package: a sealed interface per boxed type, a record per
 * constructor and per function, and a {@code SchemaRegistry}. Each file starts with
 * {@code // Generated from <schema file>; do not edit}.
 */
public final class JavaGenerator {
    private JavaGenerator() {
    }

    /**
     * Generates the package {@code pkg} from {@code schemas} (later files override earlier definitions of the same
     * name). Id mismatches against the CRC32 rule go to {@code warnings}; anything that cannot be generated is a
     * {@link SchemaException}.
     */
    public static List<JavaFile> generate(List<Schema> schemas, String pkg, Consumer<String> warnings) {
        SchemaModel model = new SchemaModel(schemas);
        Codecs codecs = new Codecs(pkg, model);
        RecordGenerator records = new RecordGenerator(model, codecs);
        InterfaceGenerator interfaces = new InterfaceGenerator(codecs);
        Map<String, SourcePosition> names = new HashMap<>();
        List<JavaFile> files = new ArrayList<>();

        model.openResultWarnings().forEach(warnings);
        model.idWarnings.forEach(warnings);
        List<Combinator> all = new ArrayList<>(model.constructors);
        all.addAll(model.functions);
        for (Combinator c : all) {
            String warning = ConstructorIds.mismatch(c);
            if (warning != null) {
                warnings.accept(warning);
            }
            claim(names, Naming.recordName(c.name()), c.position(), c.name());
            files.add(file(pkg, records.generate(c), c.position().file()));
        }
        for (Map.Entry<String, List<Combinator>> type : model.types.entrySet()) {
            SourcePosition at = type.getValue().get(0).result().position();
            claim(names, Naming.interfaceName(type.getKey()), at, type.getKey());
            files.add(file(pkg, interfaces.generate(type.getKey(), type.getValue()), at.file()));
        }
        String sources = String.join(", ", model.files);
        List<Combinator> registered = all.stream().filter(c -> !model.shadowed.contains(c)).toList();
        files.add(file(pkg, new RegistryGenerator(codecs).generate(pkg, registered, model.files, model.layer), sources));
        return files;
    }

    private static void claim(Map<String, SourcePosition> names, String javaName, SourcePosition at, String tlName) {
        if (Naming.RESERVED_CLASSES.contains(javaName)) {
            throw new SchemaException(at, tlName + " would become " + javaName + ", a name the generated code needs");
        }
        SourcePosition earlier = names.putIfAbsent(javaName, at);
        if (earlier != null) {
            throw new SchemaException(at, tlName + " would become " + javaName + ", already taken by the name at " + earlier);
        }
    }

    private static JavaFile file(String pkg, TypeSpec type, String source) {
        return JavaFile.builder(pkg, type).addFileComment("Generated from $L; do not edit", source)
                .skipJavaLangImports(true).indent("    ").build();
    }
}
