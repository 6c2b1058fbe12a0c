package dev.patchbay.web;

/** Turns Bean Validation paths ({@code variables[0].rateLimit}) into the API's ({@code variables.0.rate_limit}). */
final class BeanPaths {

    private BeanPaths() {}

    static String toApiPath(String beanPath) {
        StringBuilder out = new StringBuilder();
        // A constraint on a list's element type (List<@NotNull X>) names the element "steps[4].<list element>".
        for (char c : beanPath.replace(".<list element>", "").toCharArray()) {
            if (c == '[') {
                out.append('.');
            } else if (c == ']') {
                // dropped: "[0]" becomes ".0"
            } else if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
