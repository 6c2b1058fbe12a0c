package dev.patchbay.builder;

import dev.patchbay.outbound.render.BuiltInPlaceholders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text rules the builder's validators share: URLs and {@code {{key}}} placeholders. */
public final class Texts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** Date/time templates the outbound engine fills in itself ({@code {{now}}}, {@code {{now - 1 day}}}). */
    private Texts() {}

    /** An absolute http(s) URL with a host. */
    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The variable keys a template refers to, leaving out the built-in date/time ones. */
    public static Set<String> placeholders(String template) {
        Set<String> keys = new LinkedHashSet<>();
        if (template == null) {
            return keys;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String key = matcher.group(1);
            if (!BuiltInPlaceholders.isBuiltIn(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
