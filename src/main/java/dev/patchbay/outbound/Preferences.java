package dev.patchbay.outbound;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Prefer} request header (RFC 7240) as far as the engine reads it: {@code wait=<seconds>}
 * and {@code respond-async}. Preferences are comma-separated and may carry parameters after a
 * semicolon; names are case-insensitive.
 */
final class Preferences {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?", Pattern.CASE_INSENSITIVE);

    private static final Pattern RESPOND_ASYNC = Pattern.compile("(?:^|,)\\s*respond-async\\s*(?:[;,]|$)", Pattern.CASE_INSENSITIVE);

    private Preferences() {}

    /** Whether the caller asked for a 202 now and the result later. */
    static boolean respondAsync(String prefer) {
        return prefer != null && RESPOND_ASYNC.matcher(prefer).find();
    }

    /** The seconds asked for, or null when the header says nothing about waiting (then the default applies). */
    static Integer waitSeconds(String prefer) {
        if (prefer == null) {
            return null;
        }
        Matcher matcher = WAIT.matcher(prefer);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
