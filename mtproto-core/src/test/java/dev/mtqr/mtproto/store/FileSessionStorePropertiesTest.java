package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class FileSessionStorePropertiesTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("mtqr-store-");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Provide
    Arbitrary<SessionData> sessions() {
        return SessionSamples.sessions();
    }

    @Property(tries = 200)
    void loadGivesBackWhatWasSaved(@ForAll("sessions") SessionData data) {
        Path file = dir.resolve("session");
        new FileSessionStore(file).save(data);

        assertEquals(Optional.of(data), new FileSessionStore(file).load());
    }

    @Property(tries = 50)
    void saveOverAnotherSessionReplacesItWhole(@ForAll("sessions") SessionData first,
            @ForAll("sessions") SessionData second) {
        FileSessionStore store = new FileSessionStore(dir.resolve("replaced"));
        store.save(first);
        store.save(second);

        assertEquals(Optional.of(second), store.load());
    }
}
