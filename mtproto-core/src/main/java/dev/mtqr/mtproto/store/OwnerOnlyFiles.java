package dev.mtqr.mtproto.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files and directories only their owner can use. On POSIX file systems that is mode 0600 (0700 for
 * directories), set when the file is created; elsewhere an ACL with the owner as the only entry where the file
 * system has ACLs (Windows), else {@link java.io.File}'s owner-only flags, which is the best Java can do.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> OWNER_READ_WRITE =
            Set.copyOf(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    private static final Set<PosixFilePermission> OWNER_ALL = Set.copyOf(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    private static final Set<PosixFilePermission> NOT_OWNER = Set.copyOf(EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));

    private OwnerOnlyFiles() {
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A new empty file in {@code dir}, owner-only from the moment it exists (and exactly 0600 on POSIX). */
    static Path createTempFile(Path dir, String prefix) throws IOException {
        if (posix(dir)) {
            Path temp = Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            // The mode given at creation passes through the umask, which may take bits away: set it exactly.
            Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
            return temp;
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        restrictNonPosix(temp);
        return temp;
    }

    /** Creates {@code dir} and its missing parents, owner-only where they are created. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir)) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ALL);
            Files.createDirectories(dir, ownerOnly);
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Makes {@code file} owner read/write only if group or others have any permission on it.
     *
     * @return whether it had to be changed; always {@code false} where the file system has no POSIX permissions
     */
    static boolean tightenIfShared(Path file) throws IOException {
        if (!posix(file)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().noneMatch(NOT_OWNER::contains)) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        return true;
    }

    private static void restrictNonPosix(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            AclEntry ownerOnly = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            acl.setAcl(List.of(ownerOnly));
            return;
        }
        java.io.File asFile = file.toFile();
        boolean done = asFile.setReadable(false, false) && asFile.setReadable(true, true)
                && asFile.setWritable(false, false) && asFile.setWritable(true, true)
                && asFile.setExecutable(false, false);
        if (!done) {
            throw new IOException(file + ": cannot make the file owner-only");
        }
    }
}
