package dev.mtqr.tl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract, run as outside tools run it: a separate {@code java} process. */
class MainTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.mtqr.tl.codegen.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "tl-codegen did not finish");
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void writesTheSourcesAndExitsZero() throws Exception {
        Path schema = Files.writeString(dir.resolve("login.tl"), """
                auth.loginToken#629f1980 expires:int token:bytes = auth.LoginToken;
                ---functions---
                auth.exportLoginToken#b7e085fe api_id:int api_hash:string except_ids:Vector<long> = auth.LoginToken;
                """);
        Path extra = Files.writeString(dir.resolve("extra.tl"), "ipPort#d433ad73 ipv4:int port:int = IpPort;");
        Result result = run("--schema", schema.toString(), "--schema", extra.toString(), "--package", "com.example.tl",
                "--out", dir.resolve("out").toString());
        assertEquals(0, result.exit(), result.err());
        Path pkg = dir.resolve("out/com/example/tl");
        for (String name : List.of("AuthLoginToken", "AuthLoginTokenType", "AuthExportLoginToken", "IpPort", "IpPortType",
                "SchemaRegistry")) {
            assertTrue(Files.isRegularFile(pkg.resolve(name + ".java")), name);
        }
        assertTrue(Files.readString(pkg.resolve("IpPort.java"), StandardCharsets.UTF_8)
                .startsWith("// Generated from " + extra + "; do not edit"));
    }

    @Test
    void aSchemaErrorExitsNonZeroWithFileLineAndColumn() throws Exception {
        Path schema = Files.writeString(dir.resolve("bad.tl"), "ok#1 = Ok;\nbad#2 x:flags.0?int = Bad;\n");
        Result result = run("--schema", schema.toString(), "--package", "p", "--out", dir.resolve("out").toString());
        assertEquals(1, result.exit());
        assertEquals(schema + ":2:9: condition uses 'flags', which is not an earlier '#' parameter\n",
                result.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written when the schema is bad");
    }

    @Test
    void aCrcMismatchIsOnlyAWarning() throws Exception {
        Path schema = Files.writeString(dir.resolve("ip.tl"), "ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;\n");
        Result result = run("--schema", schema.toString(), "--package", "p", "--out", dir.resolve("out").toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.err().startsWith("warning: " + schema + ":1:1: id #37982646 of ipPortSecret differs"), result.err());
    }

    @Test
    void missingArgumentsExitTwoWithUsage() throws Exception {
        Result result = run("--schema", "x.tl");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("usage: tl-codegen --schema FILE"), result.err());
        assertEquals(2, run("--bogus", "1").exit());
    }

    @Test
    void aMissingSchemaFileExitsNonZero() throws Exception {
        Result result = run("--schema", dir.resolve("absent.tl").toString(), "--package", "p", "--out", dir.toString());
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("cannot read schema"), result.err());
    }
}
