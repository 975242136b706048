package dev.mtqr.tl.codegen;

import com.palantir.javapoet.JavaFile;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.mtqr.tl.codegen.schema.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The build hook: for each package annotated {@code @dev.mtqr.tl.TlSchema({"api.tl", …})}, reads the named files
 * from the module's {@code src/main/tl} (found next to the source root of the {@code package-info.java}, or set
 * with {@code -Amtqr.tl.dir=DIR}) and generates the package's sources during compilation, so a clean build
 * regenerates everything.
 */
@SupportedAnnotationTypes(TlSchemaProcessor.ANNOTATION)
@SupportedOptions(TlSchemaProcessor.DIR_OPTION)
public final class TlSchemaProcessor extends AbstractProcessor {
    static final String ANNOTATION = "dev.mtqr.tl.TlSchema";
    static final String DIR_OPTION = "mtqr.tl.dir";

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof PackageElement pkg) {
                    generate(pkg, annotation);
                }
            }
        }
        return true;
    }

    private void generate(PackageElement pkg, TypeElement annotation) {
        List<String> names = schemaNames(pkg, annotation);
        Path dir;
        try {
            dir = schemaDirectory(pkg);
        } catch (IllegalStateException e) {
            error(pkg, e.getMessage());
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                error(pkg, "@TlSchema names " + name + ", but there is no file " + file);
                return;
            }
            files.add(file);
        }
        try {
            List<JavaFile> sources = Generation.fromFiles(files, names, pkg.getQualifiedName().toString(),
                    warning -> processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
                            "TL schema: " + warning));
            for (JavaFile source : sources) {
                source.writeTo(processingEnv.getFiler());
            }
        } catch (SchemaException e) {
            error(pkg, "TL schema error: " + dir.resolve(e.position().file()) + ":" + e.position().line() + ":"
                    + e.position().column() + ": " + e.problem());
        } catch (UncheckedIOException | IOException e) {
            error(pkg, "TL schema: " + e.getMessage());
        }
    }

    private static List<String> schemaNames(PackageElement pkg, TypeElement annotation) {
        List<String> names = new ArrayList<>();
        for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().asElement().equals(annotation)) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals("value")) {
                    Object value = e.getValue().getValue();
                    if (value instanceof List<?> list) {
                        for (Object item : list) {
                            names.add(String.valueOf(((AnnotationValue) item).getValue()));
                        }
                    } else {
                        names.add(String.valueOf(value));
                    }
                }
            }
        }
        return names;
    }

    private Path schemaDirectory(PackageElement pkg) {
        String option = processingEnv.getOptions().get(DIR_OPTION);
        if (option != null) {
            return Path.of(option);
        }
        TreePath path = Trees.instance(processingEnv).getPath(pkg);
        if (path == null) {
            throw new IllegalStateException("cannot find the package-info.java of " + pkg.getQualifiedName()
                    + "; pass -A" + DIR_OPTION + "=DIR");
        }
        Path source = Path.of(path.getCompilationUnit().getSourceFile().toUri());
        Path root = source.getParent();
        for (int i = pkg.getQualifiedName().toString().split("\\.").length; i > 0; i--) {
            root = root.getParent();
        }
        return root.resolveSibling("tl");
    }

    private void error(Element at, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, at);
    }
}
