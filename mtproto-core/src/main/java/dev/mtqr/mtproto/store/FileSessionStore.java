package dev.mtqr.mtproto.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link SessionStore}: one file only its owner can read, replaced atomically on every save.
 *
 * <h2>Saving</h2>
 * The data is written to a temporary file {@code .<name>.<random>.tmp} in the same directory, created
 * owner-only (mode 0600 on POSIX file systems, given at creation so the secrets are never readable by others),
 * flushed to the device ({@link FileChannel#force(boolean) force(true)}), then renamed over the session file
 * with {@link StandardCopyOption#ATOMIC_MOVE} and the directory is synced. A reader sees the old file or the new
 * one, never a mixture; if anything fails the old file is left as it was and the temporary file is removed
 * (a crash can leave a {@code .tmp} file behind, owner-only). Missing parent directories are created
 * owner-only (0700). Saves and loads through one store are serialised; saves from several stores or processes
 * on the same file are still atomic, the last rename wins.
 *
 * <p>On file systems without POSIX permissions (Windows) the temporary file gets an ACL with its owner as the
 * only entry, or where there are no ACLs either, {@link java.io.File}'s owner-only read/write flags; permissions
 * are then not checked on load.
 *
 * <h2>Loading</h2>
 * A missing file is {@link Optional#empty()}. A file that its group or others may access is made 0600 first and a
 * warning naming the file (not its content) is logged: whoever could read it could use its keys. Damaged,
 * truncated or unknown-version files and I/O errors are a {@link SessionStoreException}; nothing is half-loaded.
 *
 * <h2>Format, version 1</h2>
 * All integers are big-endian.
 * <pre>
 * magic            4 bytes  "MTQS" (4D 54 51 53)
 * version          uint16   1
 * body length      int32    N, the bytes up to the checksum
 * body             N bytes:
 *   main DC        int32    0 = none
 *   user id        int64    0 = not logged in
 *   DC count       int32    0..1024, then for each DC in ascending DC order:
 *     DC id          int32    positive
 *     auth key       256 bytes
 *     server salt    int64
 *     time offset    int32    server minus local, seconds
 *     host length    uint16   0 = address unknown
 *     host           host length bytes, printable ASCII
 *     port           uint16   0 = address unknown
 * checksum         uint32   CRC-32C of every byte before it
 * </pre>
 * A reader refuses anything else: other magic or version, a length that does not match the file, a wrong
 * checksum, entries out of order or invalid values, bytes left over.
 *
 * <pre>{@code
 * SessionStore store = new FileSessionStore(Path.of(System.getProperty("user.home"), ".mtqr", "session"));
 * SessionData data = store.load().orElse(SessionData.empty());
 * }</pre>
 */
public final class FileSessionStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);

    /** Writes the encoded session into the temporary file; replaceable so tests can make it fail. */
    @FunctionalInterface
    interface TempFileWriter {
        void write(Path temp, FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    private static final TempFileWriter WRITE_ALL = (temp, channel, bytes) -> {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    };

    private final Path file;
    private final TempFileWriter writer;
    private final Object lock = new Object();

    /** A store that keeps the session in {@code file} (created on the first save). */
    public FileSessionStore(Path file) {
        this(file, WRITE_ALL);
    }

    FileSessionStore(Path file, TempFileWriter writer) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.writer = Objects.requireNonNull(writer, "writer");
        if (this.file.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
    }

    /** The session file. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<SessionData> load() {
        synchronized (lock) {
            byte[] bytes;
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    throw new SessionStoreException(file + ": not a regular file");
                }
                if (attributes.size() > SessionFileFormat.MAX_FILE_BYTES) {
                    throw new SessionStoreException(file + ": " + attributes.size()
                            + " bytes, larger than any session file (at most " + SessionFileFormat.MAX_FILE_BYTES + ")");
                }
                if (OwnerOnlyFiles.tightenIfShared(file)) {
                    LOG.warn("{} could be accessed by other users; it is now owner read/write only (0600). "
                            + "Whoever read it could use its sessions: consider terminating them.", file);
                }
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new SessionStoreException(file + ": cannot load the session: " + e, e);
            }
            try {
                return Optional.of(SessionFileFormat.decode(bytes, file));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    @Override
    public void save(SessionData data) {
        Objects.requireNonNull(data, "data");
        synchronized (lock) {
            byte[] bytes = SessionFileFormat.encode(data);
            try {
                Path dir = file.getParent();
                OwnerOnlyFiles.createDirectories(dir);
                replace(dir, bytes);
                LOG.debug("saved the session to {}", file);
            } catch (IOException e) {
                throw new SessionStoreException(file + ": cannot save the session: " + e, e);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private void replace(Path dir, byte[] bytes) throws IOException {
        Path temp = OwnerOnlyFiles.createTempFile(dir, "." + file.getFileName() + ".");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.write(temp, channel, ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("cannot remove the temporary file {}: {}", temp, e.toString());
                }
            }
        }
        syncDirectory(dir);
    }

    /** Makes the rename durable; POSIX only (other systems cannot open a directory as a channel). */
    private static void syncDirectory(Path dir) {
        if (!OwnerOnlyFiles.posix(dir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync directory {}: {}", dir, e.toString());
        }
    }

    @Override
    public String toString() {
        return "FileSessionStore[" + file + "]";
    }
}
