package dev.patchbay.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process that holds one data directory, found through the {@code postmaster.pid}
 * file PostgreSQL keeps there (line 1: pid, line 4: port).
 *
 * <p>A pid file can outlive its process, and after a reboot its pid may belong to anything. So a
 * process counts only when it is a {@code postgres} executable whose data directory is exactly this
 * one: on Linux its working directory (PostgreSQL changes into its data directory at start), elsewhere
 * the {@code -D} argument pg_ctl started it with. Nothing else is ever signalled.
 */
public final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final String PID_FILE = "postmaster.pid";

    private final ProcessHandle process;
    private final int port;

    private Postmaster(ProcessHandle process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The running server of this data directory, if there is one. */
    public static Optional<Postmaster> of(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(PID_FILE));
        } catch (NoSuchFileException stoppedCleanly) {
            return Optional.empty();
        }
        long pid;
        int port;
        try {
            pid = lines.isEmpty() ? 0 : Math.abs(Long.parseLong(lines.get(0).trim())); // negative in single-user mode
            port = lines.size() < 4 ? 0 : Integer.parseInt(lines.get(3).trim()); // 0 while a starting server writes it
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
        Path directory = dataDirectory.toRealPath();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> servesExactly(process, directory))
                .map(process -> new Postmaster(process, port));
    }

    /**
     * Removes a {@code postmaster.pid} whose server is gone (a power loss, a killed server). PostgreSQL
     * itself refuses to start while the pid in that file is alive, and after a reboot it may well be,
     * as some unrelated process. Returns whether there was such a file.
     */
    public static boolean removeStalePidFile(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile) || of(dataDirectory).isPresent()) {
            return false;
        }
        return Files.deleteIfExists(pidFile);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does (SIGINT: open transactions roll back, every
     * committed one is kept, a shutdown checkpoint is written). If that takes longer than the bound, an
     * immediate shutdown (SIGQUIT) follows, after which the next start replays the WAL: still nothing
     * committed is lost.
     */
    public void stop(Duration bound) throws IOException {
        if (signal("INT", bound)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) did not stop within {}; shutting it down immediately", pid(), bound);
        if (!signal("QUIT", bound)) {
            throw new IOException("PostgreSQL (pid " + pid() + ") did not stop; stop it by hand before starting Patchbay");
        }
    }

    private boolean signal(String signal, Duration bound) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                return !process.isAlive();
            }
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not wait for PostgreSQL to stop", e);
        }
    }

    private static boolean servesExactly(ProcessHandle process, Path directory) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            if (Files.isDirectory(proc)) {
                return isPostgres(Files.readSymbolicLink(proc.resolve("exe")).toString())
                        && proc.resolve("cwd").toRealPath().equals(directory);
            }
            ProcessHandle.Info info = process.info();
            String[] arguments = info.arguments().orElse(new String[0]);
            if (!info.command().map(Postmaster::isPostgres).orElse(false)) {
                return false;
            }
            for (int i = 0; i + 1 < arguments.length; i++) {
                if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toRealPath().equals(directory)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException notOurs) {
            return false; // gone meanwhile, or another user's process: not ours to touch
        }
    }

    private static boolean isPostgres(String executable) {
        return Path.of(executable).getFileName().toString().equals("postgres");
    }
}
