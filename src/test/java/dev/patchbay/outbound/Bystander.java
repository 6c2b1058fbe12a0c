package dev.patchbay.outbound;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a loopback address outside the tests' allowed network ({@code 127.0.0.2}): what an
 * attacker would aim at. It counts what reaches it, so a test can show that nothing did.
 */
final class Bystander implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger arrivals = new AtomicInteger();

    Bystander() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            arrivals.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.2:<port>} */
    String url() {
        return "http://127.0.0.2:" + server.getAddress().getPort();
    }

    int arrivals() {
        return arrivals.get();
    }

    /** A loopback port nothing listens on: bound, then released. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
