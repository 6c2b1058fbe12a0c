package dev.patchbay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * One real Redis for the tests of several nodes, started on first use on a free loopback port (the
 * binary ships inside the embedded-redis jar) and stopped when the test JVM exits. It keeps nothing on
 * disk. Tests share it and keep apart by a key prefix of their own ({@link #freshPrefix()}).
 */
public final class EmbeddedRedis {

    private static RedisServer server;
    private static int port;

    private EmbeddedRedis() {}

    /** {@code redis://127.0.0.1:<port>} of the running server. */
    public static synchronized URI url() {
        if (server == null) {
            port = freePort();
            try {
                server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RedisServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server dies with its parent's pipes
                }
            }));
        }
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** A key prefix no other test uses. */
    public static String freshPrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
