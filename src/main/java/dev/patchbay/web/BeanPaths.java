package dev.patchbay.web;

/** Turns Bean Validation paths ({@code variables[0].rateLimit}) into the API's ({@code variables.0.rate_limit}). */
final class BeanPaths {

    private BeanPaths() {}

    static String toApiPath(String beanPath) {
        StringBuilder out = new StringBuilder();
        for (char c : beanPath.toCharArray()) {
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
