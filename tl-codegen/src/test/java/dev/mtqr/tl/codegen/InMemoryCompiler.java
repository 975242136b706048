package dev.mtqr.tl.codegen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with the JDK's compiler, against the test class path, and loads the classes. */
public final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    /** Writes {@code files} under {@code dir}/src, compiles them into {@code dir}/classes and returns a loader. */
    public static URLClassLoader compile(List<JavaFile> files, Path dir) {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        try {
            Files.createDirectories(classes);
            for (JavaFile file : files) {
                file.writeTo(src);
            }
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(src)) {
                sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter diagnostics = new StringWriter();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
                List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:all",
                        "-Xlint:-serial", "-Werror", "-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString()));
                boolean ok = compiler.getTask(diagnostics, fm, null, options, null,
                        fm.getJavaFileObjectsFromPaths(sources)).call();
                if (!ok) {
                    throw new AssertionError("generated sources do not compile:\n" + diagnostics);
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
