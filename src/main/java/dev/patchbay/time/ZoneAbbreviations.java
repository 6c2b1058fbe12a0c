package dev.patchbay.time;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The time zone abbreviation PHP prints for {@code T}.
 *
 * <p>PHP prints the tz database's abbreviation. Java does not ship those: its short names come from CLDR and
 * still include names the tz database dropped in 2017 as invented ({@code GST} for Asia/Dubai, {@code SGT},
 * {@code BRT}), where the database and PHP now print the offset ({@code +04}, {@code +08}, {@code -03}). So a
 * Java name is used only when it is one the tz database still uses ({@link #TZDB_NAMES}); any other zone
 * prints the offset the way the database writes it: {@code +04}, {@code +0545}, {@code -03}.
 * A zone given as a bare offset prints {@code GMT+0100}, as PHP's offset-type zones do.
 */
final class ZoneAbbreviations {

    /** Alphabetic abbreviations of the current tz database (zones in use today, not historical ones). */
    static final Set<String> TZDB_NAMES = Set.of("UTC", "GMT", "BST", "IST", "WET", "WEST", "CET", "CEST", "MET",
            "MEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
            "HDT", "AST", "ADT", "NST", "NDT", "SST", "ChST", "CAT", "EAT", "WAT", "SAST", "PKT", "HKT", "JST", "KST",
            "WIB", "WITA", "WIT", "IDT", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT");

    private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private ZoneAbbreviations() {}

    static String of(ZonedDateTime t) {
        int seconds = t.getOffset().getTotalSeconds();
        if (t.getZone() instanceof ZoneOffset) {
            return "GMT" + PhpDateFormat.offset(seconds, "");
        }
        String name = SHORT_NAME.format(t);
        if (TZDB_NAMES.contains(name)) {
            return name;
        }
        String numeric = PhpDateFormat.offset(seconds, "");
        return numeric.endsWith("00") ? numeric.substring(0, 3) : numeric;
    }

    /** PHP's {@code p} prints "Z" for zones abbreviated UTC and for a bare zero offset, not for every +00:00. */
    static boolean printsZulu(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0;
        }
        return "UTC".equals(of(t));
    }
}
