package dev.patchbay.time;

/**
 * A date template or date filter value that cannot be read. The message is written for the person who wrote
 * the value (it names the value and what is accepted), so a caller can show it as it is, as a 422.
 */
public final class DateExpressionException extends RuntimeException {

    private static final String ACCEPTED_EXPRESSION = "write now, or now + or - a whole number and a unit (second, minute, "
            + "hour, day, week, month or year, singular or plural), for example {{now - 1 day}}.";

    private DateExpressionException(String message) {
        super(message, null, false, false);
    }

    static DateExpressionException unknownExpression(String expression) {
        return new DateExpressionException("`{{" + expression.strip() + "}}` is not a date expression: " + ACCEPTED_EXPRESSION);
    }

    static DateExpressionException outOfRange(String expression) {
        return new DateExpressionException("`{{" + expression.strip() + "}}` lands outside the dates that can be written.");
    }

    static DateExpressionException unreadableFilterValue(String value) {
        return new DateExpressionException("The date filter value `" + value + "` is not a date: give an ISO-8601 date-time "
                + "such as 2026-01-31T12:00:00Z, a date such as 2026-01-31, or an expression such as now - 1 day.");
    }
}
