package dev.patchbay.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Patchbay started the production way, as its own JVM ({@code dev.patchbay.PatchbayApplication} on the
 * test JVM's class path minus the test classes), on a free port with the given data directory and the
 * production defaults. Its output goes to a log file next to the data directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service and waits until its health check answers UP. */
    public static ServiceProcess start(Path dataDir, String... extraArguments) throws IOException, InterruptedException {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", applicationClassPath(),
                "dev.patchbay.PatchbayApplication",
                "--server.port=" + port,
                "--patchbay.data-dir=" + dataDir.toAbsolutePath(),
                "--patchbay.bootstrap.admin-email=" + ApiTest.DEMO_ADMIN_EMAIL,
                "--patchbay.bootstrap.admin-password=" + ApiTest.DEMO_ADMIN_PASSWORD,
                "--patchbay.bootstrap.api-key=" + ApiTest.DEMO_API_KEY,
                "--patchbay.bootstrap.platform-api-key=" + ApiTest.PLATFORM_API_KEY));
        command.addAll(Arrays.asList(extraArguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServiceProcess service = new ServiceProcess(process, port, log);
        service.awaitHealthy(Duration.ofSeconds(120));
        return service;
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGKILL: the JVM dies at once, running no shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    public void terminate() {
        process.destroy();
    }

    public boolean awaitExit(Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate();
            if (!awaitExit(Duration.ofSeconds(60))) {
                kill();
            }
        }
    }

    @Override
    public String toString() {
        return "Patchbay on port " + port + " (log: " + log + ")";
    }

    private void awaitHealthy(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Api api = api();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // connection refused until the web server is up
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service did not become healthy within " + bound + "; see " + log);
    }

    /** Surefire starts tests through a manifest-only jar; the real class path is in its own property. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
