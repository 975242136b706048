package dev.mtqr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QR login example in the project's README, between {@code <!-- qr-example:start -->} and
 * {@code <!-- qr-example:end -->}, compiles against the library as it is and is a program with a {@code main}. It is
 * never run: it would connect to Telegram.
 */
class ReadmeQrLoginExampleTest {
    private static final String START = "<!-- qr-example:start -->";
    private static final String END = "<!-- qr-example:end -->";
    private static final int MAX_LINES = 25;
    private static final Pattern JAVA_BLOCK =
            Pattern.compile("```java\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_CLASS =
            Pattern.compile("^\\s*public\\s+(?:final\\s+)?class\\s+(\\w+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void theReadmesQrLoginExampleCompiles() throws Exception {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0, readme + " has no " + START + " marker");
        assertTrue(end > start, readme + " has no " + END + " marker after " + START);
        Matcher block = JAVA_BLOCK.matcher(text.substring(start + START.length(), end));
        assertTrue(block.find(), "no ```java code block between the markers in " + readme);
        String source = block.group(1);
        int firstLine = lineOf(text, start + START.length() + block.start(1));
        long lines = source.lines().count();
        assertTrue(lines <= MAX_LINES, "the README's example has " + lines + " lines; keep it to " + MAX_LINES);

        Matcher publicClass = PUBLIC_CLASS.matcher(source);
        assertTrue(publicClass.find(), "the README's example declares no public class");
        Matcher pkg = PACKAGE.matcher(source);
        String className = (pkg.find() ? pkg.group(1) + "." : "") + publicClass.group(1);

        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(source, publicClass.group(1), classes, readme, firstLine);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeQrLoginExampleTest.class.getClassLoader())) {
            Class<?> example = Class.forName(className, false, loader);
            Method main = example.getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), className + ".main is not static");
            assertEquals(void.class, main.getReturnType(), className + ".main does not return void");
        }
    }

    /** Compiles {@code source} as {@code simpleName}.java into {@code classes}, or fails with javac's diagnostics. */
    private void compile(String source, String simpleName, Path classes, Path readme, int firstLine) throws Exception {
        Path file = Files.createDirectories(dir.resolve("src")).resolve(simpleName + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "this JVM has no Java compiler (a JRE rather than a JDK?)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none",
                    "-classpath", classPath(), "-d", classes.toString());
            boolean compiled =
                    javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            if (!compiled) {
                fail("the README's QR login example does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> readme.getFileName() + ":" + (firstLine + d.getLineNumber() - 1) + ": "
                                + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
        }
    }

    /**
     * The class path the tests run with. Surefire may start the JVM with a manifest-only jar as its
     * {@code java.class.path}; it then names the real entries in {@code surefire.test.class.path}.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The project's README.md: in the first directory, from here upwards, that holds it beside examples/. */
    private static Path readme() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path readme = d.resolve("README.md");
            if (Files.isRegularFile(readme) && Files.isRegularFile(d.resolve("examples").resolve("pom.xml"))) {
                return readme;
            }
        }
        return fail("no README.md beside an examples" + File.separator + " module above "
                + Path.of("").toAbsolutePath());
    }

    /** The 1-based line number of {@code offset} in {@code text}. */
    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
