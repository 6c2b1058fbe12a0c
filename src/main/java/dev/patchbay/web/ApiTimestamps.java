package dev.patchbay.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

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

    /**
     * Writes an {@link Instant} field of a response record in this form, for records that keep the
     * {@code Instant} for their Java callers: {@code @JsonSerialize(using = ApiTimestamps.Json.class)}.
     * Jackson's own form would carry the clock's nanoseconds.
     */
    public static final class Json extends StdSerializer<Instant> {

        public Json() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(format(value));
        }
    }
}
