package dev.mtqr.tl.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import dev.mtqr.tl.codegen.schema.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users get, file for file: the generated sources of a small schema against the files in
 * {@code src/test/resources/golden}. After an intended change, run with {@code -Dgolden.update=true} and review
 * the diff.
 */
class GoldenFilesTest {
    static final String SCHEMA = """
            auth.loginToken#629f1980 expires:int token:bytes = auth.LoginToken;
            auth.loginTokenMigrateTo#68e9916 dc_id:int token:bytes = auth.LoginToken;
            passwordKdfAlgoUnknown#d45ab096 = PasswordKdfAlgo;
            account.password#957b50fb flags:# has_recovery:flags.0?true has_password:flags.2?true \
            current_algo:flags.2?PasswordKdfAlgo srp_B:flags.2?bytes srp_id:flags.2?long hint:flags.3?string \
            new_algo:PasswordKdfAlgo secure_random:bytes = account.Password;
            ---functions---
            invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
            auth.exportLoginToken#b7e085fe api_id:int api_hash:string except_ids:Vector<long> = auth.LoginToken;
            """;

    @ParameterizedTest
    @ValueSource(strings = {"AuthLoginToken", "AuthLoginTokenType", "AccountPassword", "InvokeWithLayer"})
    void generatesWhatTheGoldenFileShows(String name) throws IOException {
        List<JavaFile> files = JavaGenerator.generate(List.of(SchemaParser.parse("golden.tl", SCHEMA)),
                "dev.mtqr.golden", w -> { });
        String generated = files.stream().filter(f -> f.typeSpec().name().equals(name)).findFirst().orElseThrow()
                .toString();
        Path golden = Path.of("src/test/resources/golden", name + ".java");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated, "golden file " + golden);
    }
}
