package dev.mtqr.tl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import dev.mtqr.tl.RandomTlValues;
import dev.mtqr.tl.TlObject;
import dev.mtqr.tl.TlReader;
import dev.mtqr.tl.TlRegistry;
import dev.mtqr.tl.codegen.java.JavaGenerator;
import dev.mtqr.tl.codegen.schema.SchemaParser;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole published layer: {@code telegram_api.tl} (layer 228) and {@code mtproto_api.tl} from {@code ../shared/data}
 * generate, compile, and every constructor and function round-trips a random instance.
 */
class WholeLayerTest {
    private static final String API = "layer228.api";
    private static final String MTPROTO = "layer228.mtproto";

    /** The ids of layer 228 that are not the CRC32 of their declaration (tl_serialization_and_crc32.txt, §1). */
    private static final Set<String> KNOWN_ID_EXCEPTIONS = Set.of("ipPortSecret", "accessPointRule", "help.configSimple",
            "inputPeerPhotoFileLocationLegacy", "inputStickerSetThumbLegacy", "invokeWithBusinessConnectionPrefix",
            "invokeWithGooglePlayIntegrityPrefix", "invokeWithApnsSecretPrefix", "invokeWithReCaptchaPrefix",
            "msg_container");

    @TempDir
    Path dir;

    @Test
    void generatesCompilesAndRoundTripsEveryConstructorOfLayer228() throws Exception {
        Path data = Path.of(System.getProperty("mtqr.shared.dir", "../../shared"), "data");
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve("telegram_api.tl")),
                "skipped: " + data.resolve("telegram_api.tl") + " is absent (the shared data directory is not beside"
                        + " this checkout); CI has it");

        List<String> warnings = new ArrayList<>();
        List<JavaFile> files = new ArrayList<>();
        files.addAll(JavaGenerator.generate(List.of(parse(data.resolve("telegram_api.tl"))), API, warnings::add));
        files.addAll(JavaGenerator.generate(List.of(parse(data.resolve("mtproto_api.tl"))), MTPROTO, warnings::add));

        Set<String> mismatched = new TreeSet<>();
        Matcher m = Pattern.compile("id #\\w+ of (\\S+) differs from the CRC32").matcher(String.join("\n", warnings));
        while (m.find()) {
            mismatched.add(m.group(1));
        }
        assertEquals(new TreeSet<>(KNOWN_ID_EXCEPTIONS), mismatched, "ids that differ from the CRC32 rule");

        try (URLClassLoader loader = InMemoryCompiler.compile(files, dir)) {
            TlRegistry api = registry(loader, API);
            TlRegistry mtproto = registry(loader, MTPROTO);
            TlRegistry both = TlRegistry.of(api, mtproto);
            int size = loader.loadClass(API + ".SchemaRegistry").getField("SIZE").getInt(null);
            assertTrue(size > 2400, "layer 228 has more than 2400 constructors and functions, the registry knows " + size);

            RandomTlValues.Candidates all = RandomTlValues.Candidates.ofPackage(API, loader)
                    .plus(RandomTlValues.Candidates.ofPackage(MTPROTO, loader));
            // tdlib's invokeWith*Prefix pseudo-functions carry the ids of real functions: the registry reads those
            // ids as the real ones, so they cannot stand inside another call.
            RandomTlValues.Candidates candidates = new RandomTlValues.Candidates(all.functions().stream()
                    .filter(f -> !f.getSimpleName().endsWith("Prefix")).toList(), all.constructors());
            List<Class<?>> records = new ArrayList<>();
            for (String pkg : List.of(API, MTPROTO)) {
                RandomTlValues.generatedClasses(pkg, loader).stream().filter(Class::isRecord).forEach(records::add);
            }
            assertTrue(records.size() > 2500, "records generated: " + records.size());

            List<String> failures = new ArrayList<>();
            Random random = new Random(228);
            for (Class<?> record : records) {
                for (int i = 0; i < 3; i++) {
                    TlObject value = RandomTlValues.randomInstance(record.asSubclass(TlObject.class), random, candidates);
                    try {
                        byte[] bytes = value.toByteArray();
                        TlReader in = TlReader.of(bytes, both);
                        int id = in.readInt();
                        TlObject decoded = record.getSimpleName().endsWith("Prefix")
                                ? (TlObject) record.getMethod("readBare", TlReader.class).invoke(null, in)
                                : both.readBare(id, in);
                        in.expectEnd();
                        if (!value.equals(decoded)) {
                            failures.add(record.getSimpleName() + ": decoded " + decoded + " from " + value);
                        }
                    } catch (RuntimeException e) {
                        failures.add(record.getSimpleName() + ": " + e);
                    }
                }
            }
            if (!failures.isEmpty()) {
                fail(failures.size() + " round trips failed, first ones:\n"
                        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
            }
        }
    }

    private static dev.mtqr.tl.codegen.schema.Schema parse(Path file) throws IOException {
        return SchemaParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    private static TlRegistry registry(ClassLoader loader, String pkg) throws ReflectiveOperationException {
        return (TlRegistry) loader.loadClass(pkg + ".SchemaRegistry").getField("INSTANCE").get(null);
    }
}
