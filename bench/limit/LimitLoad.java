import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's client: sends GETs to one or more targets (Patchbay's proxy route, nginx's
 * {@code limit_req} locations, the upstream itself) and logs, for each request, when it was sent and
 * how it ended. Each request carries {@code ?l=<label>&i=<id>}, which the upstream logs with its
 * arrival time, so that the two logs join into a wait per request.
 *
 * <pre>
 * java LimitLoad burst    &lt;out&gt; &lt;count&gt;                        [-H 'Name: value']... [--warm url]... label=url[,url]...
 * java LimitLoad saturate &lt;out&gt; &lt;callers&gt; &lt;seconds&gt; &lt;backoff ms&gt; [-H 'Name: value']... [--warm url]... label=url[,url]...
 * </pre>
 *
 * <p>{@code --warm url}: before anything is logged, {@value #WARM_REQUESTS} requests to that (unlimited)
 * URL from {@value #WARM_THREADS} threads, so that this JVM's HTTP client is compiled and connected and
 * its first logged requests do not pay for it.
 *
 * <ul>
 *   <li><b>burst</b>: for each target in turn (one second apart), {@code count} requests released at
 *       the same instant from {@code count} threads, then waits for all of them to end;</li>
 *   <li><b>saturate</b>: every target at once, each with {@code callers} threads that send the next
 *       request as soon as the previous one ended (after {@code backoff} ms when it was refused, so a
 *       refusing peer is retried often enough to use every free slot without spinning a core), for
 *       {@code seconds}; then the process exits, abandoning requests still waiting (a client that hangs
 *       up). Offered load is therefore always above any limit the benchmark sets.</li>
 * </ul>
 *
 * <p>A target with several URLs (one per node) spreads its requests over them in turn. The output has
 * one line per request, {@code <label> <id> <sent µs> <ended µs> <status>} (status 0: no answer), and
 * for a saturation one line {@code #stop <label> <µs>} per target: when it stopped sending.
 */
public final class LimitLoad {

    private record Target(String label, List<URI> urls) {
        URI url(long id) {
            return urls.get((int) (id % urls.size()));
        }
    }

    static final int WARM_REQUESTS = 400;
    static final int WARM_THREADS = 10;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> headers;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LimitLoad(List<String> headers) {
        this.headers = headers;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            usage();
        }
        String mode = args[0];
        Path out = Path.of(args[1]);
        int at = 2;
        int first = Integer.parseInt(args[at++]);
        int seconds = 0;
        int backoffMs = 0;
        if (mode.equals("saturate")) {
            seconds = Integer.parseInt(args[at++]);
            backoffMs = Integer.parseInt(args[at++]);
        } else if (!mode.equals("burst")) {
            usage();
        }
        List<String> headers = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Target> warm = new ArrayList<>();
        for (; at < args.length; at++) {
            if (args[at].equals("-H")) {
                headers.add(args[++at]);
            } else if (args[at].equals("--warm")) {
                warm.add(target("warm=" + args[++at]));
            } else {
                targets.add(target(args[at]));
            }
        }
        LimitLoad load = new LimitLoad(headers);
        for (Target target : warm) {
            load.warm(target);
        }
        load.lines.clear();
        if (mode.equals("burst")) {
            for (Target target : targets) {
                load.burst(target, first);
                Thread.sleep(1000);
            }
        } else {
            load.saturate(targets, first, seconds, backoffMs);
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            load.lines.forEach(writer::println);
        }
        // Requests still waiting are abandoned: the connections close with the process.
        System.exit(0);
    }

    private void warm(Target target) throws InterruptedException {
        AtomicLong ids = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < WARM_THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (long id = ids.getAndIncrement(); id < WARM_REQUESTS; id = ids.getAndIncrement()) {
                    send(target, id);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** {@code count} requests released at once; returns when all have ended. */
    private void burst(Target target, int count) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                send(target, id);
            });
            thread.start();
            threads.add(thread);
        }
        ready.await();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Every target at once, {@code callers} closed-loop callers each, for {@code seconds}. */
    private void saturate(List<Target> targets, int callers, int seconds, int backoffMs) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (Target target : targets) {
            AtomicLong ids = new AtomicLong();
            for (int c = 0; c < callers; c++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() - end < 0) {
                        int status = send(target, ids.getAndIncrement());
                        if (status < 200 || status > 299) {
                            try {
                                Thread.sleep(backoffMs);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
                thread.setDaemon(true); // a caller still waiting at the end is abandoned
                thread.start();
                threads.add(thread);
            }
        }
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long stopped = micros(Instant.now());
        for (Target target : targets) {
            lines.add("#stop " + target.label() + " " + stopped);
        }
        for (Thread thread : threads) {
            thread.join(2000); // most end at once; those still waiting for a start are abandoned
        }
    }

    /** One GET, logged; returns its status (0 when it had no answer). */
    private int send(Target target, long id) {
        URI url = target.url(id);
        String separator = url.getRawQuery() == null ? "?" : "&";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + separator + "l=" + target.label() + "&i=" + id))
                .timeout(Duration.ofSeconds(300))
                .GET();
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest built = request.build();
        long sent = micros(Instant.now());
        int status;
        try {
            status = client.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        lines.add(target.label() + " " + id + " " + sent + " " + micros(Instant.now()) + " " + status);
        return status;
    }

    private static Target target(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            usage();
        }
        List<URI> urls = new ArrayList<>();
        for (String url : spec.substring(eq + 1).split(",")) {
            urls.add(URI.create(url));
        }
        return new Target(spec.substring(0, eq), urls);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static void usage() {
        System.err.println("usage: java LimitLoad burst <out> <count> [-H header]... label=url[,url]...\n"
                + "       java LimitLoad saturate <out> <callers> <seconds> <backoff ms> [-H header]... label=url[,url]...");
        System.exit(2);
    }
}
