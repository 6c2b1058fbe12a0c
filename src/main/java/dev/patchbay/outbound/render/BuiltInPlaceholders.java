package dev.patchbay.outbound.render;

import dev.patchbay.time.TemplateDates;

/**
 * The placeholders that are not variables: date expressions and the values the engine supplies.
 * Definition files and the builder accept them wherever a variable's placeholder is accepted.
 */
public final class BuiltInPlaceholders {

    /** The service's own URL ({@code http://localhost:<port>}), so the sandbox follows the port the service runs on. */
    public static final String PATCHBAY_URL = "patchbay_url";

    /** The token a session or OAuth authentication obtained, for systems that want it somewhere other than a bearer header. */
    public static final String SESSION_TOKEN = "session_token";

    private BuiltInPlaceholders() {}

    public static boolean isBuiltIn(String name) {
        String trimmed = name.trim();
        return trimmed.equals(PATCHBAY_URL) || trimmed.equals(SESSION_TOKEN) || TemplateDates.isDateExpression(trimmed);
    }
}
