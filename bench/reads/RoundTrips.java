import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much a round trip costs here: the same small keyed query 16 times per "request", sent one by one (16
 * round trips) or as one text of 16 statements (one execute, one round trip), by 8 threads for a few seconds
 * each, alternating. Run against the embedded PostgreSQL of a running Patchbay (the port is line 4 of
 * {@code <data-dir>/postgres/postmaster.pid}; BENCH_KEEP=1 bench/read-bench.sh keeps a seeded one):
 *
 * <pre>java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/reads/RoundTrips.java PORT 8</pre>
 *
 * The figures and what they changed are in docs/performance.md ("Fourth pass").
 */
public class RoundTrips {
    static final String Q = "SELECT id AS k, * FROM systems WHERE company_id = ? AND id = ANY(?)";
    public static void main(String[] a) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + a[0] + "/postgres?user=postgres";
        int n = 16, threads = 8; long secs = Long.parseLong(a[1]);
        for (String mode : new String[]{"separate", "batched", "separate", "batched"}) {
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + secs * 1_000_000_000L;
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) ex.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    Array ids = c.createArrayOf("bigint", new Object[]{1L, 3L});
                    String multi = String.join("; ", Collections.nCopies(n, Q));
                    while (System.nanoTime() < end) {
                        if (mode.equals("separate")) {
                            for (int i = 0; i < n; i++) {
                                try (PreparedStatement ps = c.prepareStatement(Q)) {
                                    ps.setLong(1, 1); ps.setArray(2, ids);
                                    try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getString("name"); }
                                }
                            }
                        } else {
                            try (PreparedStatement ps = c.prepareStatement(multi)) {
                                for (int i = 0; i < n; i++) { ps.setLong(2 * i + 1, 1); ps.setArray(2 * i + 2, ids); }
                                boolean rsNext = ps.execute();
                                int got = 0;
                                while (true) {
                                    if (rsNext) { try (ResultSet rs = ps.getResultSet()) { while (rs.next()) rs.getString("name"); } got++; }
                                    else if (ps.getUpdateCount() == -1) break;
                                    rsNext = ps.getMoreResults();
                                }
                                if (got != n) throw new IllegalStateException("got " + got);
                            }
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) { e.printStackTrace(); }
                return null;
            });
            ex.shutdown(); ex.awaitTermination(1, TimeUnit.HOURS);
            System.out.printf("%-9s %d statements/request: %.0f requests/s%n", mode, n, done.get() / (double) secs);
        }
    }
}
