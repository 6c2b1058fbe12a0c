package dev.patchbay.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a FROM clause reads one company's rows only: its top-level WHERE must hold
 * {@code <alias>.company_id = :company} as one of its terms, joined to the others by AND alone. A
 * condition inside a subquery, or one that an OR (or a UNION) could bypass, does not count.
 */
final class TenantCondition {

    private static final Pattern TERM = Pattern.compile("(?i)(\\w+\\.)?company_id\\s*=\\s*:company");
    private static final Pattern WHERE = Pattern.compile("(?i)\\bWHERE\\b");
    private static final Pattern JOINER = Pattern.compile("(?i)\\b(AND|OR|UNION|INTERSECT|EXCEPT)\\b");

    private TenantCondition() {}

    /** @throws IllegalArgumentException naming the clause and what is wrong with it */
    static void require(String from) {
        String top = topLevel(from);
        Matcher where = WHERE.matcher(top);
        if (!where.find()) {
            throw refused(from, "has no WHERE clause");
        }
        int termStart = where.end();
        if (where.find()) {
            throw refused(from, "has more than one WHERE clause at its top level");
        }
        Matcher joiner = JOINER.matcher(top).region(termStart, top.length());
        boolean scoped = false;
        while (true) {
            boolean more = joiner.find();
            scoped |= TERM.matcher(from.substring(termStart, more ? joiner.start() : top.length()).trim()).matches();
            if (!more) {
                break;
            }
            if (!joiner.group(1).equalsIgnoreCase("AND")) {
                throw refused(from, "joins its conditions with " + joiner.group(1).toUpperCase()
                        + ", which could bypass the tenant condition (put such conditions in parentheses)");
            }
            termStart = joiner.end();
        }
        if (!scoped) {
            throw refused(from, "does not hold `<alias>.company_id = :company` among the AND terms of its WHERE clause");
        }
    }

    /** The text with whatever stands inside parentheses or quotes blanked out: what is left is the clause's top level. */
    private static String topLevel(String sql) {
        char[] top = sql.toCharArray();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < top.length; i++) {
            char c = top[i];
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                top[i] = ' ';
            } else if (c == '\'' || c == '"') {
                quote = c;
                top[i] = ' ';
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                if (depth < 0) {
                    throw refused(sql, "has unbalanced parentheses");
                }
                top[i] = ' ';
            } else if (depth > 0) {
                top[i] = ' ';
            }
        }
        if (depth != 0 || quote != 0) {
            throw refused(sql, "has unbalanced parentheses or quotes");
        }
        return new String(top);
    }

    private static IllegalArgumentException refused(String from, String problem) {
        return new IllegalArgumentException("A list of company-owned records must be scoped to the company: `" + from + "` "
                + problem + ". Data shared by every company is read through ListSource.shared.");
    }
}
