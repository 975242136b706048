package dev.mtqr.tl.codegen;

import com.palantir.javapoet.JavaFile;
import dev.mtqr.tl.codegen.java.JavaGenerator;
import dev.mtqr.tl.codegen.schema.Schema;
import dev.mtqr.tl.codegen.schema.SchemaParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads schema files and generates a package: what the command line and the annotation processor share. */
public final class Generation {
    private Generation() {
    }

    /**
     * Parses each file (named in messages and headers by {@code displayNames}, in the same order) and generates
     * the package {@code pkg}.
     */
    public static List<JavaFile> fromFiles(List<Path> files, List<String> displayNames, String pkg,
            Consumer<String> warnings) {
        List<Schema> schemas = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String text;
            try {
                text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + files.get(i) + ": " + e.getMessage(), e);
            }
            schemas.add(SchemaParser.parse(displayNames.get(i), text));
        }
        return JavaGenerator.generate(schemas, pkg, warnings);
    }
}
