package dev.patchbay.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Reads a base64 key from a file under the data directory, creating it on first use. This is how the
 * embedded default gets a master key and a token-signing key without any setup.
 *
 * <p>A new key file is written whole or not at all: into a temporary file in the same directory that is
 * owner-only (0600) from its creation, then linked into place. A crash mid-write therefore never leaves a
 * short or empty key behind (which would make every stored secret unreadable), no other user can read
 * the key even for a moment, and of two processes starting at once, both end up with the key that won.
 * The data directory itself is created owner-only (0700).
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private KeyFiles() {}

    public static byte[] readOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return read(file, bytes);
            }
            createPrivateDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[bytes];
            RANDOM.nextBytes(key);
            return writeAtomically(file, key) ? key : read(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    /** Creates a directory (and missing parents) owner-only; an existing directory is left as it is. */
    public static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, posix(OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(directory); // Windows: the directory inherits its parent's ACL
        }
        restrict(directory, OWNER_DIRECTORY); // the umask may have taken bits away, never added any
    }

    /** Returns false when another process created the file first (its key wins). */
    private static boolean writeAtomically(Path file, byte[] key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp", posix(OWNER_FILE));
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        }
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it carries the key's name
            }
            try {
                // A hard link puts the complete file under its name atomically and, unlike a rename, never
                // replaces a key another process has just created.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noHardLinks) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] read(Path file, int bytes) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The key file " + file + " is not base64; restore it from a backup");
        }
        if (key.length != bytes) {
            throw new IllegalStateException("The key file " + file + " holds " + key.length + " bytes instead of " + bytes
                    + "; restore it from a backup");
        }
        return key;
    }

    private static FileAttribute<?>[] posix(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the path inherits the data directory's ACL.
        }
    }
}
