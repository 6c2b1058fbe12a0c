package dev.patchbay.backup;

import dev.patchbay.config.Postmaster;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A consistent backup of the embedded database, taken while Patchbay runs, with PostgreSQL's low-level
 * backup API: {@code pg_backup_start}, a copy of the data directory's files, {@code pg_backup_stop},
 * then the WAL written meanwhile and the {@code backup_label} the server hands back. PostgreSQL replays
 * that WAL when the backup is restored and started, which makes the copied files consistent.
 *
 * <p>Why this way: the embedded binaries ship only {@code initdb}, {@code pg_ctl} and {@code postgres}
 * (no {@code pg_basebackup}, no {@code pg_dump}), and a system's {@code pg_dump} refuses a newer server.
 * The low-level API needs nothing but a superuser connection, which the embedded server grants on
 * loopback. A temporary replication slot keeps the server from recycling WAL the backup needs while
 * the copy runs. When Patchbay is stopped, the files are copied as they are, under the library's lock.
 *
 * <p>The result is a data directory: {@code postgres/} plus the key files next to it
 * ({@code master.key}, {@code jwt.key}), without which the stored secrets cannot be read.
 */
final class EmbeddedBackup {

    private EmbeddedBackup() {}

    static void backUp(Path dataDir, Path target) throws IOException, SQLException {
        Path cluster = dataDir.resolve("postgres");
        if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            throw new IllegalStateException("No embedded database in " + dataDir);
        }
        ClusterFiles.createPrivateDirectory(target);
        Optional<Postmaster> running = Postmaster.of(cluster);
        if (running.isPresent()) {
            online(running.get(), cluster, target.resolve("postgres"));
        } else {
            offline(cluster, target.resolve("postgres"));
        }
        copyKeyFiles(dataDir, target);
    }

    private static void online(Postmaster server, Path cluster, Path target) throws IOException, SQLException {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 0");
            statement.execute("SELECT pg_create_physical_replication_slot('patchbay_backup_' || pg_backend_pid(), true, true)");
            statement.execute("SELECT pg_backup_start('patchbay backup', true)");
            ClusterFiles.copyRunning(cluster, target);
            String label;
            String tablespaceMap;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaceMap = stop.getString(2);
            }
            // Ends the current WAL segment, so the copy below holds the backup's end record on disk.
            statement.execute("SELECT pg_switch_wal()");
            copyWal(cluster.resolve("pg_wal"), target.resolve("pg_wal"));
            ClusterFiles.write(target.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                ClusterFiles.write(target.resolve("tablespace_map"), tablespaceMap);
            }
        }
    }

    private static void offline(Path cluster, Path target) throws IOException {
        try (FileOutputStream stream = ClusterFiles.lockFile(cluster);
                FileLock lock = ClusterFiles.lockStopped(cluster, stream)) {
            ClusterFiles.copyStopped(cluster, target);
        }
    }

    private static void copyWal(Path wal, Path target) throws IOException {
        try (DirectoryStream<Path> segments = Files.newDirectoryStream(wal, Files::isRegularFile)) {
            for (Path segment : segments) {
                ClusterFiles.copyEntry(segment, target.resolve(segment.getFileName().toString()));
            }
        }
    }

    private static void copyKeyFiles(Path dataDir, Path target) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, Files::isRegularFile)) {
            for (Path file : files) {
                ClusterFiles.copyEntry(file, target.resolve(file.getFileName().toString()));
            }
        }
    }
}
