package dev.patchbay.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Patchbay's database for a maintenance command of the jar ({@code rotate-keys}): the external PostgreSQL
 * of {@code spring.datasource.*} when one is configured; otherwise the embedded one under
 * {@code patchbay.data-dir}, reached on its port while Patchbay runs, or started for the command's
 * duration while it is stopped. Closing it stops only what it started.
 */
public final class MaintenanceDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres started;

    private MaintenanceDatabase(HikariDataSource dataSource, EmbeddedPostgres started) {
        this.dataSource = dataSource;
        this.started = started;
    }

    public static MaintenanceDatabase open(Environment environment, PatchbayProperties properties) throws IOException {
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            return new MaintenanceDatabase(pool(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password")), null);
        }
        Path cluster = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
            throw new IllegalStateException("No embedded database in " + cluster.getParent()
                    + " (set patchbay.data-dir, or spring.datasource.url for an external PostgreSQL)");
        }
        Optional<Postmaster> running = Postmaster.of(cluster);
        if (running.isPresent()) {
            return new MaintenanceDatabase(pool("jdbc:postgresql://localhost:" + running.get().port() + "/postgres", "postgres",
                    null), null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgresConfig.start(properties);
        return new MaintenanceDatabase(pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null), postgres);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the command started the embedded database itself (Patchbay was not running). */
    public boolean startedHere() {
        return started != null;
    }

    private static HikariDataSource pool(String url, String username, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        pool.setPoolName("patchbay-maintenance");
        return pool;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (started != null) {
            started.close();
        }
    }
}
