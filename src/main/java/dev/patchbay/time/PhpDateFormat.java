package dev.patchbay.time;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PHP {@code date()} format language that Patchworks users store ({@code Y-m-d H:i:s},
 * {@code Y-m-d\TH:i:sP}, {@code U}). PHP prints an unknown letter as itself, which silently
 * produces wrong dates; here an unknown letter is refused when the format is saved.
 *
 * <p>{@link #compile(String)} turns a valid format into a formatter once; {@link #format(ZonedDateTime)}
 * then prints each token the way PHP 8.2+ prints it (php-src {@code ext/date/php_date.c}, {@code date_format}).
 * Where PHP's output depends on its own copy of the time zone database, this follows Java's:
 * <ul>
 *   <li>{@code T} prints the tz database abbreviation (see {@link ZoneAbbreviations}); a zone given as a
 *       bare offset prints {@code GMT+0100}, as PHP's offset-type zones do.</li>
 *   <li>{@code e} prints the zone id ({@code Europe/London}); a bare offset prints {@code +01:00}.</li>
 *   <li>{@code p} prints {@code Z} only where PHP does: for zones whose abbreviation is {@code UTC} and for a
 *       bare zero offset. Zones at +00:00 abbreviated {@code GMT} (Europe/London in winter) print
 *       {@code +00:00}, exactly like PHP.</li>
 *   <li>{@code I} is 1 in summer time by Java's rules. Java reads Europe/Dublin's summer as the daylight
 *       period; a PHP built on the tz database's "negative DST" form prints the opposite for Dublin.</li>
 * </ul>
 */
public final class PhpDateFormat {

    /** Every format character of PHP 8's date(). */
    static final String TOKENS = "dDjlNSwzWFmMntLoXxYyaABgGhHisuveIOPpTZcrU";

    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** One piece of the compiled format: a token or a run of literal text. */
    @FunctionalInterface
    private interface Part {
        void append(StringBuilder out, ZonedDateTime t);
    }

    private final String pattern;
    private final List<Part> parts;

    private PhpDateFormat(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /** Why the format is not valid, or empty when it is. */
    public static Optional<String> problem(String format) {
        if (format.isEmpty()) {
            return Optional.of("must not be empty.");
        }
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                if (i + 1 == format.length()) {
                    return Optional.of("ends with a lone backslash; escape a literal backslash as \\\\.");
                }
                i++;
            } else if (Character.isLetter(c) && TOKENS.indexOf(c) < 0) {
                return Optional.of("contains the unknown token `" + c + "` at position " + (i + 1)
                        + "; use PHP date() tokens (for example Y-m-d H:i:s) and escape literal letters with a backslash.");
            }
        }
        return Optional.empty();
    }

    /**
     * Compiles a format once, for printing many dates.
     *
     * @throws IllegalArgumentException when {@link #problem(String)} finds one; stored formats were checked on save,
     *         so this means a caller skipped that check
     */
    public static PhpDateFormat compile(String format) {
        problem(format).ifPresent(problem -> {
            throw new IllegalArgumentException("The date format " + problem);
        });
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                literal.append(format.charAt(++i));
            } else if (TOKENS.indexOf(c) >= 0) {
                flush(literal, parts);
                parts.add(token(c));
            } else {
                literal.append(c);
            }
        }
        flush(literal, parts);
        return new PhpDateFormat(format, parts);
    }

    /** Shorthand for {@code compile(phpFormat).format(t)}. */
    public static String format(String phpFormat, ZonedDateTime t) {
        return compile(phpFormat).format(t);
    }

    /** Prints {@code t} in its own zone; convert it first ({@code withZoneSameInstant}) to print it elsewhere. */
    public String format(ZonedDateTime t) {
        StringBuilder out = new StringBuilder(pattern.length() * 4);
        for (Part part : parts) {
            part.append(out, t);
        }
        return out.toString();
    }

    /** The format as given to {@link #compile(String)}. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add((out, t) -> out.append(text));
            literal.setLength(0);
        }
    }

    private static Part token(char c) {
        return switch (c) {
            // day
            case 'd' -> (out, t) -> pad(out, t.getDayOfMonth(), 2);
            case 'D' -> (out, t) -> out.append(DAY_NAMES[t.getDayOfWeek().ordinal()], 0, 3);
            case 'j' -> (out, t) -> out.append(t.getDayOfMonth());
            case 'l' -> (out, t) -> out.append(DAY_NAMES[t.getDayOfWeek().ordinal()]);
            case 'N' -> (out, t) -> out.append(t.getDayOfWeek().getValue());
            case 'S' -> (out, t) -> out.append(englishSuffix(t.getDayOfMonth()));
            case 'w' -> (out, t) -> out.append(t.getDayOfWeek().getValue() % 7);
            case 'z' -> (out, t) -> out.append(t.getDayOfYear() - 1);
            // week: ISO 8601, so 1 January may belong to the previous year's week 52 or 53
            case 'W' -> (out, t) -> pad(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            // month
            case 'F' -> (out, t) -> out.append(MONTH_NAMES[t.getMonthValue() - 1]);
            case 'm' -> (out, t) -> pad(out, t.getMonthValue(), 2);
            case 'M' -> (out, t) -> out.append(MONTH_NAMES[t.getMonthValue() - 1], 0, 3);
            case 'n' -> (out, t) -> out.append(t.getMonthValue());
            case 't' -> (out, t) -> out.append(t.toLocalDate().lengthOfMonth());
            // year
            case 'L' -> (out, t) -> out.append(t.toLocalDate().isLeapYear() ? 1 : 0);
            case 'o' -> (out, t) -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'X' -> (out, t) -> year(out, t.getYear(), "+");
            case 'x' -> (out, t) -> year(out, t.getYear(), t.getYear() >= 10000 ? "+" : "");
            case 'Y' -> (out, t) -> year(out, t.getYear(), "");
            case 'y' -> (out, t) -> out.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
            // time
            case 'a' -> (out, t) -> out.append(t.getHour() >= 12 ? "pm" : "am");
            case 'A' -> (out, t) -> out.append(t.getHour() >= 12 ? "PM" : "AM");
            case 'B' -> (out, t) -> pad(out, swatchBeat(t.toEpochSecond()), 3);
            case 'g' -> (out, t) -> out.append(twelveHour(t));
            case 'G' -> (out, t) -> out.append(t.getHour());
            case 'h' -> (out, t) -> pad(out, twelveHour(t), 2);
            case 'H' -> (out, t) -> pad(out, t.getHour(), 2);
            case 'i' -> (out, t) -> pad(out, t.getMinute(), 2);
            case 's' -> (out, t) -> pad(out, t.getSecond(), 2);
            case 'u' -> (out, t) -> pad(out, t.getNano() / 1_000, 6);
            case 'v' -> (out, t) -> pad(out, t.getNano() / 1_000_000, 3);
            // time zone
            case 'e' -> (out, t) -> out.append(t.getZone() instanceof ZoneOffset offset
                    ? offset(offset.getTotalSeconds(), ":") : t.getZone().getId());
            case 'I' -> (out, t) -> out.append(t.getZone().getRules().isDaylightSavings(t.toInstant()) ? 1 : 0);
            case 'O' -> (out, t) -> out.append(offset(t.getOffset().getTotalSeconds(), ""));
            case 'P' -> (out, t) -> out.append(offset(t.getOffset().getTotalSeconds(), ":"));
            case 'p' -> (out, t) -> out.append(ZoneAbbreviations.printsZulu(t)
                    ? "Z" : offset(t.getOffset().getTotalSeconds(), ":"));
            case 'T' -> (out, t) -> out.append(ZoneAbbreviations.of(t));
            case 'Z' -> (out, t) -> out.append(t.getOffset().getTotalSeconds());
            // full date/time
            case 'c' -> (out, t) -> out.append(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
                    t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()))
                    .append(offset(t.getOffset().getTotalSeconds(), ":"));
            case 'r' -> (out, t) -> out.append(String.format(Locale.ROOT, "%s, %02d %s %04d %02d:%02d:%02d ",
                    DAY_NAMES[t.getDayOfWeek().ordinal()].substring(0, 3), t.getDayOfMonth(),
                    MONTH_NAMES[t.getMonthValue() - 1].substring(0, 3), t.getYear(),
                    t.getHour(), t.getMinute(), t.getSecond()))
                    .append(offset(t.getOffset().getTotalSeconds(), ""));
            case 'U' -> (out, t) -> out.append(t.toEpochSecond());
            default -> throw new IllegalStateException("TOKENS lists `" + c + "` but nothing prints it");
        };
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** PHP's {@code english_suffix}: 1st 2nd 3rd 4th ... 11th 12th 13th ... 21st 22nd 23rd ... 31st. */
    static String englishSuffix(int day) {
        if (day >= 10 && day <= 19) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** Y, x and X: a sign where asked (always "-" below year 0), then at least four digits. */
    private static void year(StringBuilder out, int year, String signWhenPositive) {
        out.append(year < 0 ? "-" : signWhenPositive);
        pad(out, Math.abs(year), 4);
    }

    private static int twelveHour(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /**
     * Swatch Internet Time: the day split into 1000 beats, counted in UTC+1 ("Biel Mean Time") whatever the zone.
     * The same integer steps as PHP, so the beat never rounds up early.
     */
    static int swatchBeat(long epochSecond) {
        long tenths = (epochSecond % 86_400 + 3_600) * 10;
        if (tenths < 0) {
            tenths += 864_000;
        }
        return (int) (tenths / 864 % 1000);
    }

    /** {@code +0100} or {@code +01:00}; seconds of historic offsets are dropped, as PHP does. */
    static String offset(int totalSeconds, String separator) {
        int hours = Math.abs(totalSeconds / 3600);
        int minutes = Math.abs(totalSeconds % 3600 / 60);
        return String.format(Locale.ROOT, "%c%02d%s%02d", totalSeconds < 0 ? '-' : '+', hours, separator, minutes);
    }
}
