package dev.patchbay.outbound.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 upstream on a loopback address and an ephemeral port that counts the connections
 * it accepts, so a test can show that a refused call never reached it. It either answers every
 * request with {@code 200 ok} (closing the connection) or accepts and never answers.
 */
final class LoopbackServer implements AutoCloseable {

    private final ServerSocket server;
    private final boolean answers;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private LoopbackServer(String address, int port, boolean answers) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getByName(address));
        this.answers = answers;
        Thread acceptor = new Thread(this::acceptAll, "loopback-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LoopbackServer answering(String address) throws IOException {
        return new LoopbackServer(address, 0, true);
    }

    /** On a given port: two servers on 127.0.0.1 and 127.0.0.2 with the same port tell which address a client reached. */
    static LoopbackServer answering(String address, int port) throws IOException {
        return new LoopbackServer(address, port, true);
    }

    /** Accepts connections and reads requests but never answers. */
    static LoopbackServer silent(String address) throws IOException {
        return new LoopbackServer(address, 0, false);
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<String> requestLines() {
        return requestLines;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket));
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            requestLines.add(head.lines().findFirst().orElse(""));
            if (!answers) {
                socket.getInputStream().read(); // blocks until the client gives up
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
