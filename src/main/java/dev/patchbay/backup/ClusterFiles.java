package dev.patchbay.backup;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Copies a PostgreSQL data directory file by file, leaving out what a backup must not contain (the list
 * of PostgreSQL's "Making a Base Backup Using the Low Level API"): the pid and options files of the
 * running server, and the contents of directories the server rebuilds at start. Every copied file is
 * flushed to disk, so a backup that was reported done survives a power loss.
 */
final class ClusterFiles {

    /** The embedded library's lock: the running Patchbay holds it on its database directory. */
    static final String LIBRARY_LOCK_FILE = "epg-lock";

    private static final Set<String> SERVER_FILES = Set.of("postmaster.pid", "postmaster.opts", LIBRARY_LOCK_FILE);
    private static final Set<String> LABEL_FILES = Set.of("backup_label", "tablespace_map");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private ClusterFiles() {}

    /**
     * Copies the files of a running server inside {@code pg_backup_start}/{@code pg_backup_stop}: pg_wal is
     * left empty for the backup to fill with the WAL written meanwhile, and the server's own files stay.
     */
    static void copyRunning(Path cluster, Path target) throws IOException {
        createPrivateDirectory(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cluster)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (SERVER_FILES.contains(name) || LABEL_FILES.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(entry) && EMPTIED_DIRECTORIES.contains(name)) {
                    Files.createDirectories(target.resolve(name));
                    continue;
                }
                copyEntry(entry, target.resolve(name));
            }
        }
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
        Files.createDirectories(target.resolve("pg_wal").resolve("summaries"));
    }

    /** Copies a stopped data directory whole (a restored one keeps its backup_label). */
    static void copyStopped(Path cluster, Path target) throws IOException {
        createPrivateDirectory(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cluster)) {
            for (Path entry : entries) {
                if (!SERVER_FILES.contains(entry.getFileName().toString())) {
                    copyEntry(entry, target.resolve(entry.getFileName().toString()));
                }
            }
        }
    }

    /** Copies one file or directory tree, skipping files that vanish meanwhile (a dropped table). */
    static void copyEntry(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!name.equals("pg_internal.init") && !name.startsWith("pgsql_tmp")) {
                        copyEntry(entry, target.resolve(name));
                    }
                }
            }
            return;
        }
        try {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            flush(target);
        } catch (NoSuchFileException vanished) {
            // Removed by the server while the copy ran: the WAL replay at restore accounts for it.
        }
    }

    static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        flush(file);
    }

    /** PostgreSQL refuses a data directory that others may read. */
    static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            throw new FileAlreadyExistsException(directory.toString());
        }
        Files.createDirectories(directory.getParent());
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Takes the library's lock on a stopped database directory, so that no Patchbay starts on it while the
     * files are copied or replaced; fails when a running Patchbay holds it.
     */
    static FileLock lockStopped(Path cluster, FileOutputStream stream) throws IOException {
        FileLock lock;
        try {
            lock = stream.getChannel().tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("Patchbay is running with " + cluster + "; stop it first");
        }
        return lock;
    }

    static FileOutputStream lockFile(Path cluster) throws IOException {
        return new FileOutputStream(cluster.resolve(LIBRARY_LOCK_FILE).toFile());
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
