package dev.mtqr.tl.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtqr.tl.TlMethod;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a user's project with Maven exactly as the README tells: the README's pom snippet, a
 * {@code package-info.java} with {@code @TlSchema}, and a schema in {@code src/main/tl}. The project's own
 * {@code tl-runtime} and {@code tl-codegen} are put in a private local repository (everything else is linked
 * from the build's own repository), so the test needs no {@code mvn install} and leaves nothing behind.
 */
class UserBuildTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeSnippetGeneratesRecordsFromTheUsersSchema() throws Exception {
        Path readme = projectRoot().resolve("README.md");
        Matcher m = Pattern.compile("<!-- user-build:start -->\\s*```xml\\n(.*?)```\\s*<!-- user-build:end -->",
                Pattern.DOTALL).matcher(Files.readString(readme));
        assertTrue(m.find(), "README.md has no user-build snippet between its markers");
        String snippet = m.group(1);
        String version = System.getProperty("mtqr.version");
        assertTrue(snippet.contains("<version>" + version + "</version>"),
                "the README snippet names version " + version + " of mtqr");

        Path repo = privateRepository();
        Path project = dir.resolve("user");
        Files.createDirectories(project.resolve("src/main/java/com/example/tl"));
        Files.createDirectories(project.resolve("src/main/tl"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>user</artifactId>
                  <version>1</version>
                  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
                """ + snippet + "</project>\n");
        Files.writeString(project.resolve("src/main/java/com/example/tl/package-info.java"), """
                @TlSchema({"greeting.tl"})
                package com.example.tl;

                import dev.mtqr.tl.TlSchema;
                """);
        Files.writeString(project.resolve("src/main/tl/greeting.tl"), """
                // LAYER 7
                hello#1 flags:# name:string nick:flags.0?string = Greeting;
                ---functions---
                greet#2 {X:Type} times:int query:!X = X;
                getGreeting#3 = Greeting;
                """);

        Path log = dir.resolve("mvn.log");
        Process mvn = new ProcessBuilder(maven(), "-B", "-q", "-Dmaven.repo.local=" + repo, "compile")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(300, TimeUnit.SECONDS), "mvn did not finish");
        assertEquals(0, mvn.exitValue(), () -> "the user's build failed:\n" + read(log));

        Path generated = project.resolve("target/generated-sources/annotations/com/example/tl");
        assertTrue(Files.readString(generated.resolve("Hello.java")).startsWith("// Generated from greeting.tl; do not edit"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {project.resolve("target/classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> hello = loader.loadClass("com.example.tl.Hello");
            TlObject value = (TlObject) hello.getConstructor(String.class, String.class).newInstance("Ann", null);
            TlRegistry registry = (TlRegistry) loader.loadClass("com.example.tl.SchemaRegistry").getField("INSTANCE").get(null);
            assertEquals(value, TlReader.of(value.toByteArray(), registry).readObject());
            assertEquals(7, loader.loadClass("com.example.tl.SchemaRegistry").getField("LAYER").getInt(null));
            Object getGreeting = loader.loadClass("com.example.tl.GetGreeting").getConstructor().newInstance();
            Object greet = loader.loadClass("com.example.tl.Greet").getConstructor(int.class, TlMethod.class)
                    .newInstance(2, getGreeting);
            assertEquals(value, ((TlMethod<?>) greet).readResult(TlReader.of(value.toByteArray())));
        }
    }

    /** A local repository with this build's tl-runtime and tl-codegen, and links to everything else. */
    private Path privateRepository() throws IOException, URISyntaxException, ClassNotFoundException {
        Path shared = repositoryRoot();
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        try (Stream<Path> children = Files.list(shared)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals("dev")) {
                    Files.createSymbolicLink(repo.resolve(child.getFileName()), child);
                }
            }
        }
        Path dev = Files.createDirectories(repo.resolve("dev"));
        if (Files.isDirectory(shared.resolve("dev"))) {
            try (Stream<Path> children = Files.list(shared.resolve("dev"))) {
                for (Path child : children.toList()) {
                    if (!child.getFileName().toString().equals("mtqr")) {
                        Files.createSymbolicLink(dev.resolve(child.getFileName()), child);
                    }
                }
            }
        }
        Path root = projectRoot();
        String version = System.getProperty("mtqr.version");
        stage(repo, "mtqr-parent", version, root.resolve("pom.xml"), null);
        stage(repo, "tl-runtime", version, root.resolve("tl-runtime/pom.xml"), codeLocation(dev.mtqr.tl.TlObject.class));
        stage(repo, "tl-codegen", version, root.resolve("tl-codegen/pom.xml"),
                codeLocation(Class.forName("dev.mtqr.tl.codegen.TlSchemaProcessor")));
        return repo;
    }

    private static void stage(Path repo, String artifact, String version, Path pom, Path code) throws IOException {
        Path target = Files.createDirectories(repo.resolve("dev/mtqr").resolve(artifact).resolve(version));
        Files.copy(pom, target.resolve(artifact + "-" + version + ".pom"));
        if (code == null) {
            return;
        }
        Path jar = target.resolve(artifact + "-" + version + ".jar");
        if (Files.isRegularFile(code)) {
            Files.copy(code, jar);
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(code)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(code.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /** The local repository this build resolves from: where the JUnit API jar on the class path lives. */
    private static Path repositoryRoot() throws URISyntaxException {
        Path jar = codeLocation(Test.class);
        // org/junit/jupiter/junit-jupiter-api/VERSION/junit-jupiter-api-VERSION.jar
        return jar.getParent().getParent().getParent().getParent().getParent().getParent();
    }

    private static Path codeLocation(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The checkout: tl-schema's parent. Tests run with the module as working directory. */
    private static Path projectRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
