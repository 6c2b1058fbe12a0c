package dev.patchbay.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, Patchbay runs its own
 * PostgreSQL with its data under {@code patchbay.data-dir}/postgres, kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfig.NoExternalDatabase.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    /** How long an orphaned server of a previous run gets to stop before the start gives up. */
    private static final Duration ORPHAN_STOP_BOUND = Duration.ofSeconds(30);

    /**
     * Spring stops the server after the web server has finished its requests and the pool is closed
     * (the library's own shutdown hook is off: it would stop the database under requests in flight).
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PatchbayProperties properties) throws IOException {
        return start(properties);
    }

    /** Starts the server on the data directory (also for maintenance commands while Patchbay is stopped). */
    static EmbeddedPostgres start(PatchbayProperties properties) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        KeyFiles.createPrivateDirectories(directory.getParent()); // the data directory holds the key files too
        Files.createDirectories(directory);
        PatchbayProperties.Embedded settings = properties.database().embedded();
        OrphanedServer.stopIfAny(directory, ORPHAN_STOP_BOUND);
        log.info("Starting the embedded PostgreSQL with its data in {}", directory);
        String durability = settings.durable() ? "on" : "off";
        if (!settings.durable()) {
            log.warn("The embedded PostgreSQL runs without fsync: a power loss can lose or corrupt its data");
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(settings.startupTimeout())
                // The library starts the server with -F (fsync off) and synchronous_commit=off, the settings
                // of a throw-away test database; these later options override both.
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("patchbay-embedded");
        return dataSource;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
