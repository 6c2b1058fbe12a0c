package dev.patchbay.outbound;

import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Date values in an instance's time zone and PHP date format (DESIGN §4). */
@Component
class DateValues {

    /** An endpoint's date filter value: an ISO-8601 date-time or a {@code now - 1 day} expression. */
    String filterValue(String value, ZoneId zone, String phpFormat) {
        return value; // replaced when the PHP formatter lands
    }
}
