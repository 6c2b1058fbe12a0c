package dev.patchbay.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected strings are what PHP 8.2+ prints. They were derived from php-src's {@code date_format} and the php.net
 * date() page, and cross-checked by hand and against GNU date (epoch seconds, ISO weeks, tz abbreviations).
 * Columns: instant (UTC), zone, PHP format, expected. A {@code |} separates columns so formats may hold commas.
 */
class PhpDateFormatFormattingTest {

    @ParameterizedTest(name = "{2} in {1} at {0} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // Saturday 31 January 2026, noon UTC: every token once
        "2026-01-31T12:00:00Z | UTC | d D j l N S w z               | 31 Sat 31 Saturday 6 st 6 30",
        "2026-01-31T12:00:00Z | UTC | W F m M n t L o               | 05 January 01 Jan 1 31 0 2026",
        "2026-01-31T12:00:00Z | UTC | X x Y y                       | +2026 2026 2026 26",
        "2026-01-31T12:00:00Z | UTC | a A B g G h H i s u v         | pm PM 541 12 12 12 12 00 00 000000 000",
        "2026-01-31T12:00:00Z | UTC | e I O P p T Z                 | UTC 0 +0000 +00:00 Z UTC 0",
        "2026-01-31T12:00:00Z | UTC | c                             | 2026-01-31T12:00:00+00:00",
        "2026-01-31T12:00:00Z | UTC | r                             | Sat, 31 Jan 2026 12:00:00 +0000",
        "2026-01-31T12:00:00Z | UTC | U                             | 1769860800",
        "2026-01-31T12:00:00Z | UTC | Y-m-d\\TH:i:sP                | 2026-01-31T12:00:00+00:00",
        "2026-01-31T12:00:00Z | UTC | Y-m-d H:i:s                   | 2026-01-31 12:00:00",
        // php.net's own examples: March 10th, 2001, 5:16:18 pm, Mountain Standard Time
        "2001-03-11T00:16:18Z | America/Denver | F j, Y, g:i a                  | March 10, 2001, 5:16 pm",
        "2001-03-11T00:16:18Z | America/Denver | m.d.y                          | 03.10.01",
        "2001-03-11T00:16:18Z | America/Denver | j, n, Y                        | 10, 3, 2001",
        "2001-03-11T00:16:18Z | America/Denver | Ymd                            | 20010310",
        "2001-03-11T00:16:18Z | America/Denver | h-i-s, j-m-y, it is w Day      | 05-16-18, 10-03-01, 1631 1618 6 Satpm01",
        "2001-03-11T00:16:18Z | America/Denver | \\i\\t \\i\\s \\t\\h\\e jS \\d\\a\\y. | it is the 10th day.",
        "2001-03-11T00:16:18Z | America/Denver | D M j G:i:s T Y                | Sat Mar 10 17:16:18 MST 2001",
        "2001-03-11T00:16:18Z | America/Denver | H:m:s \\m \\i\\s\\ \\m\\o\\n\\t\\h  | 17:03:18 m is month",
        "2001-03-11T00:16:18Z | America/Denver | U                              | 984269778",
        // Europe/London: clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026
        "2026-03-29T00:59:59Z | Europe/London | Y-m-d H:i:s T I O p Z U | 2026-03-29 00:59:59 GMT 0 +0000 +00:00 0 1774745999",
        "2026-03-29T01:00:00Z | Europe/London | Y-m-d H:i:s T I O p Z U | 2026-03-29 02:00:00 BST 1 +0100 +01:00 3600 1774746000",
        "2026-10-25T00:30:00Z | Europe/London | Y-m-d H:i:s T I O p Z U | 2026-10-25 01:30:00 BST 1 +0100 +01:00 3600 1792888200",
        "2026-10-25T01:30:00Z | Europe/London | Y-m-d H:i:s T I O p Z U | 2026-10-25 01:30:00 GMT 0 +0000 +00:00 0 1792891800",
        "2026-03-29T01:00:00Z | Europe/London | c                       | 2026-03-29T02:00:00+01:00",
        "2026-10-25T01:30:00Z | Europe/London | r                       | Sun, 25 Oct 2026 01:30:00 +0000",
        "2026-03-29T01:00:00Z | Europe/London | e                       | Europe/London",
        // America/New_York: forward at 07:00 UTC on 8 March 2026, back at 06:00 UTC on 1 November 2026
        "2026-03-08T06:59:59Z | America/New_York | c T I Z U | 2026-03-08T01:59:59-05:00 EST 0 -18000 1772953199",
        "2026-03-08T07:00:00Z | America/New_York | c T I Z U | 2026-03-08T03:00:00-04:00 EDT 1 -14400 1772953200",
        "2026-11-01T05:30:00Z | America/New_York | c T I Z U | 2026-11-01T01:30:00-04:00 EDT 1 -14400 1793511000",
        "2026-11-01T06:30:00Z | America/New_York | c T I Z U | 2026-11-01T01:30:00-05:00 EST 0 -18000 1793514600",
        "2026-11-01T06:30:00Z | America/New_York | r         | Sun, 01 Nov 2026 01:30:00 -0500",
        // ISO week and week-numbering year around New Year
        "2026-01-01T12:00:00Z | UTC | W o Y D z | 01 2026 2026 Thu 0",
        "2027-01-01T12:00:00Z | UTC | W o Y D z | 53 2026 2027 Fri 0",
        "2027-01-03T12:00:00Z | UTC | W o Y D z | 53 2026 2027 Sun 2",
        "2027-01-04T12:00:00Z | UTC | W o Y D z | 01 2027 2027 Mon 3",
        "2024-12-30T12:00:00Z | UTC | W o Y D z | 01 2025 2024 Mon 364",
        "2021-01-03T12:00:00Z | UTC | W o Y D z | 53 2020 2021 Sun 2",
        "2020-12-31T12:00:00Z | UTC | W o L z t | 53 2020 1 365 31",
        "2100-02-01T12:00:00Z | UTC | L t       | 0 28",
        "2000-02-01T12:00:00Z | UTC | L t y     | 1 29 00",
        // twelve-hour clock at midnight and just after noon
        "2026-01-31T00:05:00Z | UTC | g h a G H | 12 12 am 0 00",
        "2026-01-31T13:05:00Z | UTC | g h A G H | 1 01 PM 13 13",
        // Swatch beats count in UTC+1 whatever the zone: midnight there is 23:00 UTC
        "2026-01-31T23:00:00Z | UTC              | B | 000",
        "2026-01-31T22:59:59Z | UTC              | B | 999",
        "2026-01-31T00:00:00Z | UTC              | B | 041",
        "2026-01-31T12:00:00Z | America/New_York | B | 541",
        "1969-12-31T12:00:00Z | UTC              | B | 541",
        // zones: tz database abbreviations, and the offset where the database has no letters
        "2026-01-15T12:00:00Z | Asia/Dubai         | T O P Z   | +04 +0400 +04:00 14400",
        "2026-01-15T12:00:00Z | Asia/Kathmandu     | T O P     | +0545 +0545 +05:45",
        "2026-01-15T12:00:00Z | America/Sao_Paulo  | T O       | -03 -0300",
        "2026-01-15T12:00:00Z | America/St_Johns   | T O P Z I | NST -0330 -03:30 -12600 0",
        "2026-07-15T12:00:00Z | America/St_Johns   | T O I     | NDT -0230 1",
        "2026-07-15T12:00:00Z | Europe/Paris       | T P I     | CEST +02:00 1",
        "2026-01-15T12:00:00Z | Australia/Adelaide | T O I     | ACDT +1030 1",
        "2026-01-15T12:00:00Z | Asia/Kolkata       | T P       | IST +05:30",
        "2026-01-15T12:00:00Z | Etc/UTC            | e T p     | Etc/UTC UTC Z",
        "2026-01-15T12:00:00Z | GMT                | e T p     | GMT GMT +00:00",
        // literal non-letters, escaped letters and an escaped backslash
        "2026-01-31T12:00:00Z | UTC | Y/m/d @ H.i (#1)           | 2026/01/31 @ 12.00 (#1)",
        "2026-01-31T12:00:00Z | UTC | l \\t\\h\\e jS \\o\\f F      | Saturday the 31st of January",
        "2026-01-31T12:00:00Z | UTC | \\Y\\-\\m: Y                | Y-m: 2026",
        "2026-01-31T12:00:00Z | UTC | Y\\\\m                      | 2026\\01",
    })
    void shouldPrintWhatPhpPrints(String instant, String zone, String format, String expected) {
        ZonedDateTime t = Instant.parse(instant).atZone(ZoneId.of(zone));

        assertThat(PhpDateFormat.format(format, t)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "day {0} -> {1}")
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "10, 10th", "11, 11th", "12, 12th", "13, 13th", "19, 19th",
        "20, 20th", "21, 21st", "22, 22nd", "23, 23rd", "24, 24th", "30, 30th", "31, 31st"})
    void shouldGiveEveryDayItsEnglishSuffix(int day, String expected) {
        ZonedDateTime t = ZonedDateTime.of(2026, 1, day, 9, 0, 0, 0, ZoneOffset.UTC);

        assertThat(PhpDateFormat.format("jS", t)).isEqualTo(expected);
    }

    @Test
    void shouldPrintMicrosecondsAndMillisecondsTruncated() {
        ZonedDateTime t = Instant.parse("2026-01-31T12:00:00.123456789Z").atZone(ZoneOffset.UTC);
        ZonedDateTime tiny = Instant.parse("2026-01-31T12:00:00.000001Z").atZone(ZoneOffset.UTC);

        assertThat(PhpDateFormat.format("s.u s.v", t)).isEqualTo("00.123456 00.123");
        assertThat(PhpDateFormat.format("u v", tiny)).isEqualTo("000001 000");
    }

    @Test
    void shouldPrintABareOffsetZoneTheWayPhpPrintsAnOffsetTimeZone() {
        ZonedDateTime plusFive = Instant.parse("2026-01-31T12:00:00Z").atZone(ZoneOffset.ofHours(5));
        ZonedDateTime zero = Instant.parse("2026-01-31T12:00:00Z").atZone(ZoneOffset.UTC);

        assertThat(PhpDateFormat.format("e T p I c", plusFive)).isEqualTo("+05:00 GMT+0500 +05:00 0 2026-01-31T17:00:00+05:00");
        assertThat(PhpDateFormat.format("e T p", zero)).isEqualTo("+00:00 GMT+0000 Z");
    }

    @Test
    void shouldPrintExpandedYearsWithTheirSign() {
        ZonedDateTime farFuture = ZonedDateTime.of(12026, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC);
        ZonedDateTime early = ZonedDateTime.of(33, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC);

        assertThat(PhpDateFormat.format("X x Y y", farFuture)).isEqualTo("+12026 +12026 12026 26");
        assertThat(PhpDateFormat.format("X x Y y", early)).isEqualTo("+0033 0033 0033 33");
    }

    @Test
    void shouldCompileOnceAndFormatManyTimes() {
        PhpDateFormat format = PhpDateFormat.compile("Y-m-d\\TH:i:sP");

        assertThat(format.pattern()).isEqualTo("Y-m-d\\TH:i:sP");
        assertThat(format.format(Instant.parse("2026-01-31T12:00:00Z").atZone(ZoneId.of("Europe/Paris"))))
                .isEqualTo("2026-01-31T13:00:00+01:00");
        assertThat(format.format(Instant.parse("2026-07-31T12:00:00Z").atZone(ZoneId.of("Europe/Paris"))))
                .isEqualTo("2026-07-31T14:00:00+02:00");
    }

    @Test
    void shouldRefuseToCompileAFormatThatWouldBeRefusedOnSave() {
        assertThatIllegalArgumentException().isThrownBy(() -> PhpDateFormat.compile("Y-m-d Q"))
                .withMessageContaining("unknown token `Q`");
        assertThatIllegalArgumentException().isThrownBy(() -> PhpDateFormat.compile("Y\\"))
                .withMessageContaining("lone backslash");
    }
}
