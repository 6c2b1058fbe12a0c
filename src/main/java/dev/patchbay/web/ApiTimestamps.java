package dev.patchbay.web;

import java.time.Instant;
import java.time.LocalDateTime;
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
        return instant == null ? null : format(instant.getEpochSecond(), instant.getNano());
    }

    public static String format(OffsetDateTime time) {
        return time == null ? null : format(time.toEpochSecond(), time.getNano());
    }

    /**
     * Every row of a read carries two timestamps, and the formatter's general path (a fraction through
     * BigDecimal, a builder per field) was a visible share of a deep page's CPU; the digits are written
     * directly here for years 1 to 9999, and the formatter keeps every other year (sign, era) exactly as it was.
     */
    private static String format(long epochSecond, int nano) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            return FORMAT.format(utc.atOffset(ZoneOffset.UTC));
        }
        char[] text = new char[27];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, nano / 1000, 6); // SSSSSS truncates to microseconds
        text[26] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
