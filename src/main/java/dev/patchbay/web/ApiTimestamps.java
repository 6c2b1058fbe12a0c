package dev.patchbay.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The contract's timestamp form: ISO-8601 UTC with six fraction digits, {@code 2026-01-31T12:00:00.000000Z}. */
public final class ApiTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTimestamps() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static String format(OffsetDateTime time) {
        return time == null ? null : FORMAT.format(time);
    }
}
