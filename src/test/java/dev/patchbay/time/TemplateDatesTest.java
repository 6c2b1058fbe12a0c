package dev.patchbay.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateDatesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final PhpDateFormat MYSQL = PhpDateFormat.compile("Y-m-d H:i:s");
    private static final PhpDateFormat ATOM = PhpDateFormat.compile("Y-m-d\\TH:i:sP");

    /** Saturday 31 January 2026, noon UTC. */
    private final TemplateDates dates = at("2026-01-31T12:00:00Z");

    private static TemplateDates at(String instant) {
        return new TemplateDates(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void shouldRenderNowInTheInstanceZoneAndFormat() {
        assertThat(dates.render("now", ZoneId.of("America/New_York"), MYSQL)).isEqualTo("2026-01-31 07:00:00");
        assertThat(dates.render("now", PARIS, ATOM)).isEqualTo("2026-01-31T13:00:00+01:00");
        assertThat(dates.render("now", UTC, PhpDateFormat.compile("U"))).isEqualTo("1769860800");
    }

    @ParameterizedTest(name = "now expression [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "now                 | 2026-01-31 12:00:00",
        "now - 1 day         | 2026-01-30 12:00:00",
        "now + 2 hours       | 2026-01-31 14:00:00",
        "now-30seconds       | 2026-01-31 11:59:30",
        "'  now  -  1   days '| 2026-01-30 12:00:00",
        "now + 1 minute      | 2026-01-31 12:01:00",
        "now + 90 seconds    | 2026-01-31 12:01:30",
        "now - 1 second      | 2026-01-31 11:59:59",
        "now - 2 weeks       | 2026-01-17 12:00:00",
        "now + 1 week        | 2026-02-07 12:00:00",
        "now + 1 month       | 2026-02-28 12:00:00",
        "now - 3 months      | 2025-10-31 12:00:00",
        "now - 1 year        | 2025-01-31 12:00:00",
        "now + 0 days        | 2026-01-31 12:00:00",
        "NOW - 1 Day         | 2026-01-30 12:00:00"})
    void shouldMoveNowByTheGivenAmount(String expression, String expected) {
        assertThat(dates.render(expression, UTC, MYSQL)).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheWallClockForDaysButNotForHoursAcrossADstChange() {
        // London moves to BST at 01:00 UTC on 29 March 2026: that day has 23 hours
        TemplateDates dayBefore = at("2026-03-28T12:00:00Z");
        ZoneId london = ZoneId.of("Europe/London");
        PhpDateFormat iso = PhpDateFormat.compile("c");

        assertThat(dayBefore.render("now + 1 day", london, iso)).isEqualTo("2026-03-29T12:00:00+01:00");
        assertThat(dayBefore.render("now + 24 hours", london, iso)).isEqualTo("2026-03-29T13:00:00+01:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"now - 1 fortnight", "now - day", "now * 2 days", "now - 1.5 days", "now -1 fortnights",
        "now - 1 day + 1 hour", "today", "now()"})
    void shouldRefuseAnExpressionItDoesNotKnowAndSayWhatItAccepts(String expression) {
        assertThatThrownBy(() -> dates.render(expression, UTC, MYSQL))
                .isInstanceOf(DateExpressionException.class)
                .hasMessageContaining("`{{" + expression + "}}` is not a date expression")
                .hasMessageContaining("second, minute, hour, day, week, month or year")
                .hasMessageContaining("{{now - 1 day}}");
    }

    @Test
    void shouldNameTheProblemOfAnExpressionBeforeItIsEverRendered() {
        assertThat(TemplateDates.problem("now - 1 day")).isEmpty();
        assertThat(TemplateDates.problem("now")).isEmpty();
        assertThat(TemplateDates.problem("now - 1 fortnight"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("`{{now - 1 fortnight}}` is not a date expression"));
    }

    @Test
    void shouldRefuseAnAmountThatLeavesTheCalendar() {
        assertThatThrownBy(() -> dates.render("now + 999999999 years", UTC, MYSQL))
                .isInstanceOf(DateExpressionException.class)
                .hasMessageContaining("`{{now + 999999999 years}}` lands outside the dates that can be written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"now", " now - 1 day ", "now+1hour", "now - 1 fortnight", "Now"})
    void shouldRecogniseADateExpression(String placeholder) {
        assertThat(TemplateDates.isDateExpression(placeholder)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nowhere", "now_token", "access_token", "", "know"})
    void shouldLeaveVariablesToTheVariables(String placeholder) {
        assertThat(TemplateDates.isDateExpression(placeholder)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-31T12:00:00Z                   | 2026-01-31T13:00:00+01:00",
        "2026-01-31T12:00:00.250Z               | 2026-01-31T13:00:00+01:00",
        "2026-01-31T12:00:00+05:00              | 2026-01-31T08:00:00+01:00",
        "2026-07-31T12:00:00Z[Europe/London]    | 2026-07-31T14:00:00+02:00",
        "2026-07-01T12:00:00                    | 2026-07-01T12:00:00+02:00",
        "2026-07-01                             | 2026-07-01T00:00:00+02:00",
        "now - 1 day                            | 2026-01-30T13:00:00+01:00",
        "{{now - 1 day}}                        | 2026-01-30T13:00:00+01:00",
        "' {{ now }} '                          | 2026-01-31T13:00:00+01:00"})
    void shouldWriteAFilterValueInTheInstanceZoneAndFormat(String value, String expected) {
        assertThat(dates.renderFilterValue(value, PARIS, ATOM)).isEqualTo(expected);
    }

    @Test
    void shouldWriteAFilterValueAsEpochSecondsWhenTheFormatSaysSo() {
        assertThat(dates.renderFilterValue("2026-01-31T12:00:00Z", PARIS, PhpDateFormat.compile("U"))).isEqualTo("1769860800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "31/01/2026", "2026-13-01", "2026-01-31 12:00:00", "''"})
    void shouldRefuseAFilterValueThatIsNotADate(String value) {
        assertThatThrownBy(() -> dates.renderFilterValue(value, PARIS, ATOM))
                .isInstanceOf(DateExpressionException.class)
                .hasMessageContaining("The date filter value `" + value + "` is not a date")
                .hasMessageContaining("2026-01-31T12:00:00Z");
    }

    @Test
    void shouldReportAnUnknownExpressionInAFilterValueAsAnExpression() {
        assertThatThrownBy(() -> dates.renderFilterValue("{{now - 1 fortnight}}", PARIS, ATOM))
                .isInstanceOf(DateExpressionException.class)
                .hasMessageContaining("`{{now - 1 fortnight}}` is not a date expression");
    }
}
