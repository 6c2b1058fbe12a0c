package dev.patchbay.backup;

import dev.patchbay.config.Postmaster;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Puts a backup in place of the data directory's database and keys, with Patchbay stopped. Nothing is
 * deleted: the replaced {@code postgres/} and key files are renamed with a {@code .before-restore-<time>}
 * suffix. The backup is first copied next to the database, then swapped in by renames, so a restore
 * that fails half-way leaves the current database where it was. The next start replays the WAL that
 * came with the backup.
 */
final class EmbeddedRestore {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private EmbeddedRestore() {}

    /** Returns the suffix the replaced files now carry. */
    static String restore(Path backup, Path dataDir, Clock clock) throws IOException {
        if (!Files.isRegularFile(backup.resolve("postgres").resolve("PG_VERSION"))) {
            throw new IllegalStateException(backup + " is not a Patchbay backup (no postgres/PG_VERSION)");
        }
        Path cluster = dataDir.resolve("postgres");
        String suffix = ".before-restore-" + SUFFIX.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).atZone(clock.getZone()));
        Path incoming = dataDir.resolve("postgres.restoring" + suffix);
        Files.createDirectories(dataDir);
        if (!Files.isDirectory(cluster)) {
            ClusterFiles.copyStopped(backup.resolve("postgres"), incoming);
            Files.move(incoming, cluster);
            copyKeyFiles(backup, dataDir, suffix);
            return suffix;
        }
        if (Postmaster.of(cluster).isPresent()) {
            throw new IllegalStateException("Patchbay's database is running in " + cluster + "; stop Patchbay first");
        }
        try (FileOutputStream stream = ClusterFiles.lockFile(cluster);
                FileLock lock = ClusterFiles.lockStopped(cluster, stream)) {
            ClusterFiles.copyStopped(backup.resolve("postgres"), incoming);
            Files.move(cluster, dataDir.resolve("postgres" + suffix));
            Files.move(incoming, cluster);
        }
        copyKeyFiles(backup, dataDir, suffix);
        return suffix;
    }

    private static void copyKeyFiles(Path backup, Path dataDir, String suffix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(backup, Files::isRegularFile)) {
            for (Path file : files) {
                Path current = dataDir.resolve(file.getFileName().toString());
                if (Files.exists(current)) {
                    Files.move(current, dataDir.resolve(current.getFileName() + suffix));
                }
                ClusterFiles.copyEntry(file, current);
            }
        }
    }
}
