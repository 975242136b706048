package dev.mtqr.mtproto.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path dir;

    @Test
    void loadOfAMissingFileIsEmpty() {
        assertEquals(Optional.empty(), new FileSessionStore(dir.resolve("session")).load());
    }

    @Test
    void loadGivesTheLastSavedSession() {
        FileSessionStore store = new FileSessionStore(dir.resolve("session"));

        store.save(SessionSamples.loggedIn(1));
        store.save(SessionSamples.loggedIn(2));

        assertEquals(Optional.of(SessionSamples.loggedIn(2)), store.load());
        assertEquals(Optional.of(SessionSamples.loggedIn(2)), new FileSessionStore(dir.resolve("session")).load());
    }

    @Test
    void savedFileIsOwnerReadWriteOnly() throws IOException {
        assumePosix();
        Path file = dir.resolve("session");

        new FileSessionStore(file).save(SessionSamples.loggedIn(1));

        assertEquals(OWNER_READ_WRITE, Files.getPosixFilePermissions(file));
    }

    @Test
    void replacingAFileOthersCouldReadLeavesItOwnerOnly() throws IOException {
        assumePosix();
        Path file = dir.resolve("session");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        new FileSessionStore(file).save(SessionSamples.loggedIn(1));

        assertEquals(OWNER_READ_WRITE, Files.getPosixFilePermissions(file));
    }

    @Test
    void temporaryFileIsOwnerOnlyBeforeTheSessionIsWrittenIntoIt() throws IOException {
        assumePosix();
        List<Set<PosixFilePermission>> seen = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        FileSessionStore store = new FileSessionStore(dir.resolve("session"), (temp, channel, bytes) -> {
            seen.add(Files.getPosixFilePermissions(temp));
            temps.add(temp);
            assertEquals(0, Files.size(temp));
            channel.write(bytes);
        });

        store.save(SessionSamples.loggedIn(1));

        assertEquals(List.of(OWNER_READ_WRITE), seen);
        assertEquals(dir, temps.get(0).getParent());
        assertFalse(Files.exists(temps.get(0)));
        assertEquals(Optional.of(SessionSamples.loggedIn(1)), store.load());
    }

    @Test
    void loadTightensAFileOthersCanReadAndWarnsWithoutTheContent() throws IOException {
        assumePosix();
        Path file = dir.resolve("session");
        SessionData data = SessionSamples.loggedIn(1);
        new FileSessionStore(file).save(data);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        String[] log = new String[1];
        Optional<SessionData> loaded = captureStandardError(log, () -> new FileSessionStore(file).load());

        assertEquals(Optional.of(data), loaded);
        assertEquals(OWNER_READ_WRITE, Files.getPosixFilePermissions(file));
        assertTrue(log[0].contains("WARN") && log[0].contains(file.toString()), log[0]);
        for (DcSession dc : data.dcs().values()) {
            SecretText.assertNoKeyBytes(log[0], dc.authKey());
            SecretText.assertNoSalt(log[0], dc.serverSalt());
        }
    }

    @Test
    void loadTightensAFileOthersCanOnlyWrite() throws IOException {
        assumePosix();
        Path file = dir.resolve("session");
        new FileSessionStore(file).save(SessionSamples.loggedIn(1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-----w-"));

        new FileSessionStore(file).load();

        assertEquals(OWNER_READ_WRITE, Files.getPosixFilePermissions(file));
    }

    @Test
    void loadLeavesAnOwnerOnlyFileAsItIs() throws IOException {
        assumePosix();
        Path file = dir.resolve("session");
        new FileSessionStore(file).save(SessionSamples.loggedIn(1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        String[] log = new String[1];
        captureStandardError(log, () -> new FileSessionStore(file).load());

        assertEquals(PosixFilePermissions.fromString("r--------"), Files.getPosixFilePermissions(file));
        assertEquals("", log[0]);
    }

    @Test
    void failedWriteLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("session");
        new FileSessionStore(file).save(SessionSamples.loggedIn(1));
        byte[] before = Files.readAllBytes(file);
        FileSessionStore failing = new FileSessionStore(file, (temp, channel, bytes) -> {
            channel.write(bytes.limit(bytes.limit() / 2));
            throw new IOException("No space left on device");
        });

        SessionStoreException e = assertThrows(SessionStoreException.class,
                () -> failing.save(SessionSamples.loggedIn(2)));

        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Optional.of(SessionSamples.loggedIn(1)), failing.load());
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void failedFirstWriteLeavesNoFile() throws IOException {
        Path file = dir.resolve("session");
        FileSessionStore failing = new FileSessionStore(file, (temp, channel, bytes) -> {
            throw new IOException("Input/output error");
        });

        assertThrows(SessionStoreException.class, () -> failing.save(SessionSamples.loggedIn(1)));

        assertEquals(List.of(), filesIn(dir));
        assertEquals(Optional.empty(), failing.load());
    }

    @Test
    void missingParentDirectoriesAreCreatedOwnerOnly() throws IOException {
        Path file = dir.resolve("a/b/session");

        new FileSessionStore(file).save(SessionSamples.loggedIn(1));

        assertEquals(Optional.of(SessionSamples.loggedIn(1)), new FileSessionStore(file).load());
        if (posix()) {
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dir.resolve("a")));
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(file.getParent()));
        }
    }

    @Test
    void relativePathsWork() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("session"));

        new FileSessionStore(relative).save(SessionSamples.loggedIn(1));

        assertEquals(Optional.of(SessionSamples.loggedIn(1)), new FileSessionStore(relative).load());
    }

    @Test
    void fileTruncatedAtEveryLengthIsRejected() throws IOException {
        Path file = dir.resolve("session");
        FileSessionStore store = new FileSessionStore(file);
        store.save(SessionSamples.loggedIn(1));
        byte[] bytes = Files.readAllBytes(file);

        for (int length = 0; length < bytes.length; length++) {
            Files.write(file, Arrays.copyOf(bytes, length));
            SessionStoreException e = assertThrows(SessionStoreException.class, store::load, "length " + length);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
    }

    @Test
    void fileWithFlippedMagicOrVersionIsRejected() throws IOException {
        Path file = dir.resolve("session");
        FileSessionStore store = new FileSessionStore(file);
        store.save(SessionSamples.loggedIn(1));
        byte[] bytes = Files.readAllBytes(file);

        for (int i : new int[] {0, 1, 2, 3, 4, 5}) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 0x01;
            Files.write(file, flipped);
            SessionStoreException e = assertThrows(SessionStoreException.class, store::load, "byte " + i);
            assertTrue(e.getMessage().contains(i < 4 ? "bad magic" : "unsupported version"), e.getMessage());
        }
    }

    @Test
    void fileOfAnotherKindIsRejectedAsNotASessionFile() throws IOException {
        Path file = dir.resolve("session");
        Files.writeString(file, "{\"dc\": 2, \"key\": \"...\"}");

        SessionStoreException e = assertThrows(SessionStoreException.class, new FileSessionStore(file)::load);

        assertEquals(file + ": not an mtqr session file (bad magic)", e.getMessage());
    }

    @Test
    void fileLargerThanAnySessionIsRejectedUnread() throws IOException {
        Path file = dir.resolve("session");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1}), 64L * 1024 * 1024);
        }

        SessionStoreException e = assertThrows(SessionStoreException.class, new FileSessionStore(file)::load);

        assertTrue(e.getMessage().contains("larger than any session file"), e.getMessage());
    }

    @Test
    void directoryInPlaceOfTheFileIsRejected() throws IOException {
        Path file = Files.createDirectory(dir.resolve("session"));

        SessionStoreException e = assertThrows(SessionStoreException.class, new FileSessionStore(file)::load);

        assertEquals(file + ": not a regular file", e.getMessage());
    }

    @Test
    void ioErrorsAreSessionStoreExceptionsWithTheCause() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        FileSessionStore store = new FileSessionStore(notADirectory.resolve("session"));

        SessionStoreException load = assertThrows(SessionStoreException.class, store::load);
        SessionStoreException save = assertThrows(SessionStoreException.class,
                () -> store.save(SessionSamples.loggedIn(1)));

        assertInstanceOf(IOException.class, load.getCause());
        assertInstanceOf(IOException.class, save.getCause());
        assertTrue(load.getMessage().startsWith(notADirectory.resolve("session") + ": cannot load"), load.getMessage());
        assertTrue(save.getMessage().startsWith(notADirectory.resolve("session") + ": cannot save"), save.getMessage());
    }

    @Test
    void toStringNamesTheFileOnly() {
        Path file = dir.resolve("session");
        FileSessionStore store = new FileSessionStore(file);
        store.save(SessionSamples.loggedIn(1));

        assertEquals("FileSessionStore[" + file + "]", store.toString());
    }

    private static void assumePosix() {
        assumeTrue(posix(), "needs a POSIX file system");
    }

    private static boolean posix() {
        return Path.of("").getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Runs {@code action} with System.err (where slf4j-simple logs) captured into {@code log[0]}. */
    private static <T> T captureStandardError(String[] log, IoSupplier<T> action) throws IOException {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setErr(original);
            log[0] = captured.toString(StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
