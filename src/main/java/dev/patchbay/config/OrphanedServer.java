package dev.patchbay.config;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a previous run may have left on the data directory. The embedded PostgreSQL is started through
 * pg_ctl, which detaches it: when the JVM dies without stopping it ({@code kill -9}, the OOM killer), the
 * server keeps running and holds the directory, and a new start would fail. After a power loss, the
 * server is gone but its {@code postmaster.pid} is not.
 *
 * <p>The library's lock file ({@code epg-lock}, a lock the owning JVM holds while it runs) tells an
 * orphan from a server another running Patchbay still uses: that one is left alone and this start fails.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);
    private static final String LIBRARY_LOCK_FILE = "epg-lock";

    private OrphanedServer() {}

    static void stopIfAny(Path directory, Duration bound) throws IOException {
        Optional<Postmaster> running = Postmaster.of(directory);
        if (running.isEmpty()) {
            if (Postmaster.removeStalePidFile(directory)) {
                log.warn("Removed the postmaster.pid of a PostgreSQL that is no longer running in {}", directory);
            }
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(directory.resolve(LIBRARY_LOCK_FILE).toFile());
                FileLock lock = tryLock(stream)) {
            if (lock == null) {
                throw new IllegalStateException("Another Patchbay is running with the data directory " + directory);
            }
            Postmaster orphan = running.get();
            log.warn("A PostgreSQL (pid {}) of a previous run still holds {}; stopping it (fast shutdown)",
                    orphan.pid(), directory);
            orphan.stop(bound);
            log.info("The previous run's PostgreSQL has stopped; every committed write is kept");
        }
    }

    private static FileLock tryLock(FileOutputStream stream) throws IOException {
        try {
            return stream.getChannel().tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }
}
