package dev.patchbay.pool;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The body of a pool's create and update. On create {@code name} and {@code limit} are required; on
 * update an absent field keeps its value. A class rather than a record because {@code timeout} must
 * tell "absent" (keep) from an explicit {@code null} (no timeout): Jackson calls a setter only for a
 * field that is present.
 *
 * <p>The numbers are {@link BigDecimal} so that {@code 1.5} is refused as "not an integer" instead of
 * being truncated to 1 by the JSON reader.
 */
final class PoolRequest {

    static final String INTEGER = "field must be an integer.";

    @Size(max = 255, message = "must not be greater than 255 characters.")
    private String name;

    @Digits(integer = 10, fraction = 0, message = INTEGER)
    @DecimalMin(value = "1", message = "field must be at least 1.")
    @DecimalMax(value = "2147483647", message = "field must not be greater than 2147483647.")
    private BigDecimal limit;

    @Digits(integer = 10, fraction = 0, message = INTEGER)
    @DecimalMin(value = "1", message = "field must be at least 1.")
    @DecimalMax(value = "2147483647", message = "field must not be greater than 2147483647.")
    private BigDecimal timeout;

    private boolean timeoutSent;

    public String getName() {
        return name;
    }

    public BigDecimal getLimit() {
        return limit;
    }

    public BigDecimal getTimeout() {
        return timeout;
    }

    public void setTimeout(BigDecimal timeout) {
        this.timeout = timeout;
        this.timeoutSent = true;
    }

    boolean timeoutSent() {
        return timeoutSent;
    }
}
