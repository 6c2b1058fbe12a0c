package dev.patchbay.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The date values a request template can hold (DESIGN §4), written in an instance's time zone and PHP date format.
 *
 * <p>A template placeholder whose content starts with the word {@code now} is a date expression
 * ({@link #isDateExpression(String)}): {@code {{now}}}, {@code {{now - 1 day}}}, {@code {{now+2 hours}}}. The units
 * are second, minute, hour, day, week, month and year, singular or plural; spaces are optional. Seconds, minutes
 * and hours are elapsed time; days, weeks, months and years move the calendar in the instance's zone, so
 * {@code now - 1 day} keeps the wall-clock time across a DST change, and {@code now - 1 month} on 31 March is the
 * last day of February (PHP would overflow to 3 March; nobody asking for "a month ago" means that).
 *
 * <p>An endpoint's date filter value ({@link #renderFilterValue}) is what a caller passes for a filter such as
 * "updated since": an ISO-8601 date-time with an offset or zone, a local date-time or a date (both read in the
 * instance's zone; a date means its start), or the same expressions as a template, with or without braces.
 */
@Component
public class TemplateDates {

    private static final Pattern WORD_NOW = Pattern.compile("(?i)now(?![\\w])");
    private static final Pattern EXPRESSION = Pattern.compile(
            "(?i)\\s*now\\s*(?:([+-])\\s*(\\d{1,9})\\s*(second|minute|hour|day|week|month|year)s?)?\\s*");

    private final Clock clock;

    public TemplateDates(Clock clock) {
        this.clock = clock;
    }

    /** Whether a placeholder's content ({@code now - 1 day}, without braces) is a date expression rather than a variable. */
    public static boolean isDateExpression(String placeholder) {
        return WORD_NOW.matcher(placeholder.strip()).lookingAt();
    }

    /**
     * Why a date expression cannot be rendered, or empty when it can: for validators, so that
     * {@code {{now - 1 fortnight}}} is refused when a template is saved rather than when a request is sent.
     */
    public static Optional<String> problem(String expression) {
        return EXPRESSION.matcher(expression).matches()
                ? Optional.empty() : Optional.of(DateExpressionException.unknownExpression(expression).getMessage());
    }

    /**
     * Writes a date expression (a placeholder's content, without braces) in the zone and format.
     *
     * @throws DateExpressionException when it is not a date expression this understands (e.g. {@code now - 1 fortnight})
     */
    public String render(String expression, ZoneId zone, PhpDateFormat format) {
        return format.format(evaluate(expression, zone));
    }

    /**
     * Writes an endpoint's date filter value in the zone and format.
     *
     * @throws DateExpressionException when the value is neither an ISO-8601 date or date-time nor a date expression
     */
    public String renderFilterValue(String value, ZoneId zone, PhpDateFormat format) {
        String stripped = value.strip();
        if (stripped.startsWith("{{") && stripped.endsWith("}}")) {
            stripped = stripped.substring(2, stripped.length() - 2).strip();
        }
        if (isDateExpression(stripped)) {
            return render(stripped, zone, format);
        }
        return format.format(parseIso(stripped, zone).orElseThrow(() -> DateExpressionException.unreadableFilterValue(value)));
    }

    ZonedDateTime evaluate(String expression, ZoneId zone) {
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            throw DateExpressionException.unknownExpression(expression);
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (matcher.group(1) == null) {
            return now;
        }
        long amount = Long.parseLong(matcher.group(2)) * (matcher.group(1).equals("-") ? -1 : 1);
        try {
            return switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
                case "second" -> now.plusSeconds(amount);
                case "minute" -> now.plusMinutes(amount);
                case "hour" -> now.plusHours(amount);
                case "day" -> now.plusDays(amount);
                case "week" -> now.plusWeeks(amount);
                case "month" -> now.plusMonths(amount);
                default -> now.plusYears(amount);
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw DateExpressionException.outOfRange(expression);
        }
    }

    private static Optional<ZonedDateTime> parseIso(String value, ZoneId zone) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof ZonedDateTime zoned
                    ? zoned.withZoneSameInstant(zone) : ((LocalDateTime) parsed).atZone(zone));
        } catch (DateTimeParseException notADateTime) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(zone));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
