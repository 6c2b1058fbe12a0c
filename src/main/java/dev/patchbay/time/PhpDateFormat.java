package dev.patchbay.time;

import java.util.Optional;

/**
 * The PHP {@code date()} format language that Patchworks users store ({@code Y-m-d H:i:s},
 * {@code Y-m-d\TH:i:sP}, {@code U}). PHP prints an unknown letter as itself, which silently
 * produces wrong dates; here an unknown letter is refused when the format is saved.
 */
public final class PhpDateFormat {

    /** Every format character of PHP 8's date(). */
    static final String TOKENS = "dDjlNSwzWFmMntLoXxYyaABgGhHisuveIOPpTZcrU";

    private PhpDateFormat() {}

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
}
