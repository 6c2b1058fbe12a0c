package dev.patchbay.connector;

import dev.patchbay.certificate.Certificates;
import dev.patchbay.pool.ConnectionPools;
import dev.patchbay.time.PhpDateFormat;
import dev.patchbay.web.FieldErrors;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The checks on a connector's own fields that Bean Validation cannot express, shared by create and update. */
@Component
class SettingsRules {

    static final List<String> RATE_LIMIT_UNITS = List.of("second", "minute", "hour", "day");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final ConnectionPools pools;
    private final Certificates certificates;

    SettingsRules(ConnectionPools pools, Certificates certificates) {
        this.pools = pools;
        this.certificates = certificates;
    }

    /** Each argument may be null (absent); only present values are checked. */
    void check(long companyId, String timezone, String dateFormat, String rateLimitUnit, Long poolId, Long certificateId,
            FieldErrors errors) {
        if (timezone != null && !timezone.isBlank() && !ZONES.contains(timezone)) {
            errors.addAbout("timezone", "field must be a valid IANA time zone such as Europe/London or UTC.");
        }
        if (dateFormat != null && !dateFormat.isBlank()) {
            PhpDateFormat.problem(dateFormat).ifPresent(problem -> errors.addAbout("date_format", problem));
        }
        if (rateLimitUnit != null && !rateLimitUnit.isBlank() && !RATE_LIMIT_UNITS.contains(rateLimitUnit)) {
            errors.add("rate_limit_unit", "The selected rate limit unit is invalid. Allowed: "
                    + String.join(", ", RATE_LIMIT_UNITS) + ".");
        }
        if (poolId != null && !pools.exists(companyId, poolId)) {
            errors.add("connection_pool_id", "The selected connection pool id is invalid.");
        }
        if (certificateId != null && !certificates.exists(companyId, certificateId)) {
            errors.add("certificate_id", "The selected certificate id is invalid.");
        }
    }
}
