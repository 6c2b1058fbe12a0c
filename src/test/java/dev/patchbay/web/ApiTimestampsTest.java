package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The contract's timestamps are written by hand for speed; they must match the pattern they replace, to the character. */
class ApiTimestampsTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void shouldWriteWhatThePatternWritesForEdgesAndRandomInstants() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH, Instant.parse("2026-01-31T12:00:00Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("0000-06-15T10:00:00Z"), Instant.parse("-0001-06-15T10:00:00.5Z"),
                Instant.parse("2026-11-23T21:33:53.123456789Z")));
        SplittableRandom random = new SplittableRandom(6);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            String expected = PATTERN.format(instant);
            assertThat(ApiTimestamps.format(instant)).as(instant.toString()).isEqualTo(expected);
            assertThat(ApiTimestamps.format(instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30)))).as("offset " + instant)
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepNull() {
        assertThat(ApiTimestamps.format((Instant) null)).isNull();
        assertThat(ApiTimestamps.format((OffsetDateTime) null)).isNull();
    }
}
