import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A list page and its total as one statement with {@code count(*) OVER ()} against two statements (the count,
 * then the page with its LIMIT) sent in one round trip, for the seeded connectors of company 1, by 8 threads,
 * alternating. Run like RoundTrips (PORT SECONDS PAGE-SIZE):
 *
 * <pre>java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/reads/PageShapes.java PORT 6 15</pre>
 *
 * The figures and what they changed are in docs/performance.md ("Fourth pass").
 */
public class PageShapes {
    static final String FROM = " FROM connectors c JOIN authentication_implementations ai ON ai.id = c.authentication_implementation_id JOIN systems s ON s.id = ai.system_id WHERE c.company_id = ?";
    static final String COLS = "SELECT c.*, s.id AS s_id, s.name AS s_name, s.label AS s_label, s.canonical_key AS s_canonical_key, s.system_template_id AS s_system_template_id";
    static final String WINDOW = COLS + ", count(*) OVER () AS total" + FROM + " ORDER BY c.id LIMIT ? OFFSET ?";
    static final String TWO = "SELECT count(*)" + FROM + ";\n" + COLS + FROM + " ORDER BY c.id LIMIT ? OFFSET ?";
    public static void main(String[] a) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + a[0] + "/postgres?user=postgres";
        int threads = 8; long secs = Long.parseLong(a[1]); int limit = Integer.parseInt(a[2]);
        for (String mode : new String[]{"window", "two", "window", "two"}) {
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + secs * 1_000_000_000L;
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) ex.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    while (System.nanoTime() < end) {
                        if (mode.equals("window")) {
                            try (PreparedStatement ps = c.prepareStatement(WINDOW)) {
                                ps.setLong(1, 1); ps.setInt(2, limit); ps.setInt(3, 0);
                                try (ResultSet rs = ps.executeQuery()) { while (rs.next()) { rs.getString("name"); rs.getLong("total"); } }
                            }
                        } else {
                            try (PreparedStatement ps = c.prepareStatement(TWO)) {
                                ps.setLong(1, 1); ps.setLong(2, 1); ps.setInt(3, limit); ps.setInt(4, 0);
                                ps.execute();
                                try (ResultSet rs = ps.getResultSet()) { rs.next(); rs.getLong(1); }
                                ps.getMoreResults();
                                try (ResultSet rs = ps.getResultSet()) { while (rs.next()) rs.getString("name"); }
                            }
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) { e.printStackTrace(); }
                return null;
            });
            ex.shutdown(); ex.awaitTermination(1, TimeUnit.HOURS);
            System.out.printf("%-7s limit %d: %.0f pages/s%n", mode, limit, done.get() / (double) secs);
        }
    }
}
