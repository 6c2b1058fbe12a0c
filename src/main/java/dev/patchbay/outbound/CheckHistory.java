package dev.patchbay.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each connector's credentials were last checked against its system and whether they passed,
 * for the dashboard's list. Only checks of what is saved count: the test route, and the check that
 * let a create or an update through (a failed check of new credentials changes nothing saved).
 */
@Component
public class CheckHistory {

    public record LastCheck(Instant at, boolean passed) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CheckHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long companyId, long connectorId, boolean passed) {
        jdbc.sql("UPDATE connectors SET credentials_checked_at = :at, credentials_check_passed = :passed "
                        + "WHERE company_id = :company AND id = :id")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .param("passed", passed)
                .param("company", companyId)
                .param("id", connectorId)
                .update();
    }

    /** The last check of each of these connectors that was ever checked; one query. */
    public Map<Long, LastCheck> lastChecks(long companyId, Collection<Long> connectorIds) {
        if (connectorIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, credentials_checked_at, credentials_check_passed FROM connectors "
                        + "WHERE company_id = :company AND id IN (:ids) AND credentials_checked_at IS NOT NULL")
                .param("company", companyId)
                .param("ids", connectorIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), new LastCheck(rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
