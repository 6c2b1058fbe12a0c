package dev.patchbay.outbound.render;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{placeholder}}} templates from a connector's variables, then from the built-in
 * values ({@code {{now}}}, {@code {{now - 1 day}}}, {@code {{patchbay_url}}}). A placeholder that
 * names nothing is refused, so a request never leaves with a literal {@code {{token}}} in it.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private final Map<String, String> values;
    private final Set<String> secretKeys;
    private final Function<String, Optional<String>> builtIns;

    /**
     * @param builtIns answers a placeholder that is not a variable (a date expression, the service's
     *                 own URL), or empty when it names nothing
     */
    public Templates(Map<String, String> values, Set<String> secretKeys, Function<String, Optional<String>> builtIns) {
        this.values = values;
        this.secretKeys = secretKeys;
        this.builtIns = builtIns;
    }

    public Rendered render(String template) {
        if (template == null) {
            return new Rendered("", false);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean sensitive = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (values.containsKey(name)) {
                value = values.get(name) == null ? "" : builtInsIn(values.get(name));
                sensitive |= secretKeys.contains(name);
            } else {
                value = builtIns.apply(name).orElseThrow(() -> new TemplateException(
                        "The request uses {{" + name + "}}, but the connector has no variable `" + name
                                + "` and it is not a built-in value such as {{now}}."));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return new Rendered(out.toString(), sensitive);
    }

    /**
     * A variable's value may use date expressions and {@code {{patchbay_url}}} (the sandbox's URL
     * follows the port the service runs on), but not other variables or an obtained token: one level,
     * so values cannot pull each other in.
     */
    private String builtInsIn(String value) {
        if (!value.contains("{{")) {
            return value;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Optional<String> builtIn = name.equals(BuiltInPlaceholders.SESSION_TOKEN) ? Optional.empty() : builtIns.apply(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(builtIn.orElse(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public String text(String template) {
        return render(template).text();
    }

    /** A placeholder that names no variable and no built-in value. */
    public static final class TemplateException extends RuntimeException {
        public TemplateException(String message) {
            super(message, null, false, false);
        }
    }
}
