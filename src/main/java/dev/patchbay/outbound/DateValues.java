package dev.patchbay.outbound;

import dev.patchbay.time.DateExpressionException;
import dev.patchbay.time.PhpDateFormat;
import dev.patchbay.time.TemplateDates;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** An endpoint's date filter values in an instance's time zone and PHP date format (DESIGN §4). */
@Component
class DateValues {

    private final TemplateDates dates;

    DateValues(TemplateDates dates) {
        this.dates = dates;
    }

    /**
     * An ISO-8601 date-time or a {@code now - 1 day} expression, written for the system.
     *
     * @throws IllegalArgumentException with a message for people when the value is neither
     */
    String filterValue(String value, ZoneId zone, String phpFormat) {
        try {
            return dates.renderFilterValue(value, zone, PhpDateFormat.compile(phpFormat));
        } catch (DateExpressionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
