package dev.patchbay.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts {@code patchbay.database.*} on the connection pool, the embedded one and the one Spring Boot
 * builds for an external database alike, before the pool opens its first connection.
 *
 * <p>Three bounds, because a database that stops answering (paused, partitioned) does not refuse
 * anything, it just never replies: the pool's connection timeout bounds the wait for a connection; the
 * server's {@code statement_timeout} cancels a slow statement cleanly (the connection stays usable);
 * and the driver's socket timeout, one second longer, gives up on a server that does not answer at all
 * (the connection is then discarded and the server rolls its transaction back). Validation of an idle
 * connection gets a short bound of its own, since the pool runs it inside the connection timeout.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    private static final Duration LONGEST_VALIDATION = Duration.ofSeconds(1);
    private static final Duration SHORTEST_VALIDATION = Duration.ofMillis(250);

    private final ObjectProvider<PatchbayProperties> properties;

    DatabaseTimeouts(ObjectProvider<PatchbayProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool, properties.getObject().database());
        }
        return bean;
    }

    static void apply(HikariDataSource pool, PatchbayProperties.Database database) {
        long connectionMillis = database.connectionTimeout().toMillis();
        long statementMillis = database.statementTimeout().toMillis();
        pool.setConnectionTimeout(connectionMillis);
        pool.setValidationTimeout(Math.max(SHORTEST_VALIDATION.toMillis(),
                Math.min(LONGEST_VALIDATION.toMillis(), connectionMillis / 2)));
        pool.addDataSourceProperty("options", "-c statement_timeout=" + statementMillis);
        // Whole seconds for the driver; the extra second lets the server's own cancel win when it can.
        pool.addDataSourceProperty("socketTimeout", String.valueOf(ceilSeconds(statementMillis) + 1));
        pool.addDataSourceProperty("connectTimeout", String.valueOf(ceilSeconds(connectionMillis)));
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
