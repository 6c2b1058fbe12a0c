import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's upstream: a loopback HTTP server that answers every request at once with a small
 * JSON body and logs when each request arrived, so that rate-limit windows are counted where the
 * system sees the requests (issue 11), not where the limiter decided.
 *
 * <p>Usage: {@code java LimitUpstream <port> <log file>}. One line per request is appended to the log:
 * {@code <label> <id> <arrival, µs since the epoch>}, label and id taken from the query's {@code l} and
 * {@code i} (a request without them is logged as {@code - -}: the credential checks). The clock is the
 * wall clock, shared with {@link LimitLoad} on the same machine, so arrival minus send is a wait.
 *
 * <p>The arrival is taken when the handler runs, i.e. once the request's head has been read. Handlers
 * run on a pool of {@value #THREADS} threads started up front, so that a burst is neither queued nor
 * made to wait for threads to be created here. Lines are written by one background thread every
 * 100 ms (and on exit), so logging costs the handlers nothing but a queue insert.
 */
public final class LimitUpstream {

    private static final int THREADS = 700;
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java LimitUpstream <port> <log file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path logFile = Path.of(args[1]);
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ThreadPoolExecutor handlers = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        handlers.prestartAllCoreThreads();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            long arrived = micros(Instant.now());
            lines.add(tag(exchange) + " " + arrived);
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(BODY);
                }
            }
        });

        BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.US_ASCII);
        Runnable flush = () -> {
            synchronized (writer) {
                try {
                    String line;
                    while ((line = lines.poll()) != null) {
                        writer.write(line);
                        writer.newLine();
                    }
                    writer.flush();
                } catch (IOException e) {
                    System.err.println("cannot write the arrival log: " + e.getMessage());
                }
            }
        };
        Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arrival-log");
            t.setDaemon(true);
            return t;
        }).scheduleWithFixedDelay(flush, 100, 100, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(flush));
        server.start();
        System.out.println("listening on 127.0.0.1:" + port);
    }

    /** {@code "<label> <id>"} from the query {@code l=<label>&i=<id>}, or {@code "- -"}. */
    private static String tag(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        String label = "-";
        String id = "-";
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("l=")) {
                    label = safe(pair.substring(2));
                } else if (pair.startsWith("i=")) {
                    id = safe(pair.substring(2));
                }
            }
        }
        return label + " " + id;
    }

    /** Labels and ids are the benchmark's own words; anything else could break the log's columns. */
    private static String safe(String value) {
        return value.matches("[A-Za-z0-9._-]{1,64}") ? value : "?";
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private LimitUpstream() {}
}
