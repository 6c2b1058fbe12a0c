package dev.patchbay.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A third-party system on loopback for the tests: it logs every request it receives (an arrival log,
 * so tests assert on what the system saw) and answers from handlers registered by path prefix.
 */
public final class StubUpstream implements AutoCloseable {

    /** What the system received. Header names are lower case. */
    public record Arrival(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
            long nanoTime) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Arrival, Answer>> handlers = new ConcurrentHashMap<>();

    public StubUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "stub-upstream");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path starts with {@code prefix}; the longest prefix wins. */
    public StubUpstream on(String prefix, Function<Arrival, Answer> handler) {
        handlers.put(prefix, handler);
        return this;
    }

    /**
     * Answers requests under {@code prefix} with {@code 200 {}} after holding each for {@code holdMillis},
     * and returns the most requests it held at once: what a pool limit is proven by, seen from the system.
     */
    public AtomicInteger slow(String prefix, long holdMillis) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        on(prefix, arrival -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Answer.json(200, "{}");
        });
        return most;
    }

    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The arrivals whose path starts with {@code prefix}. */
    public List<Arrival> arrivals(String prefix) {
        return arrivals.stream().filter(a -> a.path().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), Collections.unmodifiableList(new ArrayList<>(values))));
            Arrival arrival = new Arrival(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body, System.nanoTime());
            arrivals.add(arrival);
            Answer answer = handlers.entrySet().stream()
                    .filter(e -> arrival.path().startsWith(e.getKey()))
                    .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                    .map(e -> e.getValue().apply(arrival))
                    .orElse(Answer.json(404, "{\"error\":\"no such path\"}"));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean empty = answer.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
