import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the benchmark's figures from the upstream's arrival log and the client's logs, and prints
 * them as one Markdown table.
 *
 * <pre>
 * java LimitReport &lt;arrival log&gt; &lt;load log&gt;... -- &lt;row&gt;...
 * row = name|limit|window ms|saturation label|burst label   ("-" for a phase the row does not have)
 * </pre>
 *
 * <p>For the saturation phase, from the arrivals of its label, sorted:
 * <ul>
 *   <li><b>max in any window</b>: the most arrivals in any half-open interval {@code [t, t + W)}. It is
 *       enough to try every {@code t} that is an arrival: a window holding k arrivals can slide right
 *       until it starts at its first one and still holds them;</li>
 *   <li><b>violating windows</b>: the number of arrivals {@code i} whose window {@code [a_i, a_i + W)}
 *       holds more than the limit N, i.e. {@code a_(i+N) - a_i < W}. Zero if and only if no window of
 *       one unit, anywhere, holds more than N;</li>
 *   <li><b>tightest N+1</b>: the smallest {@code a_(i+N) - a_i}, how close the limit came to being
 *       broken (at least W when it was kept);</li>
 *   <li><b>share of the allowed rate</b>: from the first arrival {@code t0}, the k whole windows that
 *       fit before the client stopped sending; arrivals in {@code [t0, t0 + kW)} divided by {@code kN}.
 *       Above 100 % means the limit let more through than it allows.</li>
 * </ul>
 * For the burst phase (a burst of at most N on an idle limit), the wait of each request: its arrival
 * at the upstream minus the moment the client sent it, joined by label and id; mean and max; and the
 * time from the burst's first arrival to its last (a limiter that spaces requests out shows here).
 */
public final class LimitReport {

    private record Row(String name, int limit, long windowMicros, String saturation, String burst) {}

    /** One request as the client saw it. */
    private record Sent(long sent, int status) {}

    public static void main(String[] args) throws IOException {
        int split = Arrays.asList(args).indexOf("--");
        if (split < 1) {
            System.err.println("usage: java LimitReport <arrival log> <load log>... -- name|limit|window ms|saturation label|burst label ...");
            System.exit(2);
        }
        Map<String, List<Long>> arrivals = new HashMap<>();
        Map<String, Long> arrivalById = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split(" ");
            if (f.length == 3 && !f[0].equals("-")) {
                long at = Long.parseLong(f[2]);
                arrivals.computeIfAbsent(f[0], k -> new ArrayList<>()).add(at);
                arrivalById.put(f[0] + " " + f[1], at);
            }
        }
        Map<String, Map<String, Sent>> sent = new HashMap<>();
        Map<String, Long> stops = new HashMap<>();
        for (int i = 1; i < split; i++) {
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                String[] f = line.split(" ");
                if (f[0].equals("#stop")) {
                    stops.put(f[1], Long.parseLong(f[2]));
                } else if (f.length == 5) {
                    sent.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], new Sent(Long.parseLong(f[2]), Integer.parseInt(f[4])));
                }
            }
        }

        System.out.println("| target | limit | max starts in any window | violating windows | tightest N+1 starts (ms) "
                + "| share of allowed rate | sent / refused / failed | burst: mean wait (ms) | burst: max wait (ms) "
                + "| burst: first to last arrival (ms) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = split + 1; i < args.length; i++) {
            String[] f = args[i].split("\\|");
            Row row = new Row(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]) * 1000, f[3], f[4]);
            System.out.println(line(row, arrivals, arrivalById, sent, stops));
        }
    }

    private static String line(Row row, Map<String, List<Long>> arrivals, Map<String, Long> arrivalById,
            Map<String, Map<String, Sent>> sent, Map<String, Long> stops) {
        String unit = row.windowMicros() == 1_000_000 ? "second" : row.windowMicros() == 60_000_000 ? "minute" : row.windowMicros() / 1000 + " ms";
        StringBuilder out = new StringBuilder("| ").append(row.name()).append(" | ").append(row.limit()).append('/').append(unit);
        if (row.saturation().equals("-")) {
            out.append(" | | | | | ");
        } else {
            long[] a = sorted(arrivals.getOrDefault(row.saturation(), List.of()));
            Map<String, Sent> requests = sent.getOrDefault(row.saturation(), Map.of());
            out.append(" | ").append(maxInWindow(a, row.windowMicros()))
                    .append(" | ").append(violations(a, row.limit(), row.windowMicros()))
                    .append(" | ").append(tightest(a, row.limit()))
                    .append(" | ").append(share(a, row, stops.get(row.saturation())))
                    .append(" | ").append(requests.size()).append(" / ").append(count(requests, true))
                    .append(" / ").append(count(requests, false));
        }
        if (row.burst().equals("-")) {
            out.append(" | | | |");
        } else {
            List<Double> waits = new ArrayList<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            int refused = 0;
            for (Map.Entry<String, Sent> request : sent.getOrDefault(row.burst(), Map.of()).entrySet()) {
                Long arrived = arrivalById.get(row.burst() + " " + request.getKey());
                if (arrived != null) {
                    waits.add((arrived - request.getValue().sent()) / 1000.0);
                    first = Math.min(first, arrived);
                    last = Math.max(last, arrived);
                } else {
                    refused++;
                }
            }
            double mean = waits.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double max = waits.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.append(" | ").append(fmt(mean)).append(refused > 0 ? " (" + refused + " not sent)" : "").append(" | ").append(fmt(max))
                    .append(" | ").append(waits.isEmpty() ? "–" : fmt((last - first) / 1000.0)).append(" |");
        }
        return out.toString();
    }

    static int maxInWindow(long[] a, long w) {
        int best = 0;
        for (int i = 0, j = 0; i < a.length; i++) {
            while (j < a.length && a[j] - a[i] < w) {
                j++;
            }
            best = Math.max(best, j - i);
        }
        return best;
    }

    static int violations(long[] a, int n, long w) {
        int count = 0;
        for (int i = 0; i + n < a.length; i++) {
            if (a[i + n] - a[i] < w) {
                count++;
            }
        }
        return count;
    }

    static String tightest(long[] a, int n) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i + n < a.length; i++) {
            min = Math.min(min, a[i + n] - a[i]);
        }
        return min == Long.MAX_VALUE ? "–" : fmt(min / 1000.0);
    }

    static String share(long[] a, Row row, Long stop) {
        if (a.length == 0 || stop == null) {
            return "–";
        }
        long windows = (stop - a[0]) / row.windowMicros();
        if (windows < 1) {
            return "– (under one window)";
        }
        long end = a[0] + windows * row.windowMicros();
        long inside = Arrays.stream(a).filter(t -> t < end).count();
        return String.format(Locale.ROOT, "%.1f %% (%d in %d × %d)", 100.0 * inside / (windows * row.limit()), inside, windows, row.limit());
    }

    private static long count(Map<String, Sent> requests, boolean refused) {
        return requests.values().stream()
                .filter(r -> refused ? r.status() == 429 || r.status() == 503 : r.status() == 0 || (r.status() >= 300 && r.status() != 429 && r.status() != 503))
                .count();
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private LimitReport() {}
}
