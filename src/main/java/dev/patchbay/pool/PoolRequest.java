package dev.patchbay.pool;

import dev.patchbay.web.CheckedBody;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The body of a pool's create and update. On create {@code name} and {@code limit} are required; on
 * update an absent field keeps its value. A class rather than a record because {@code timeout} must
 * tell "absent" (keep) from an explicit {@code null} (no timeout): Jackson calls a setter only for a
 * field that is present. The integers follow Laravel's rule: {@code 5} and {@code "5"}, never {@code 1.5}.
 */
@CheckedBody
final class PoolRequest {

    @Size(max = 255, message = "must not be greater than 255 characters.")
    private String name;

    @Min(value = 1, message = "field must be at least 1.")
    private Integer limit;

    @Min(value = 1, message = "field must be at least 1.")
    private Integer timeout;

    private boolean timeoutSent;

    public String getName() {
        return name;
    }

    public Integer getLimit() {
        return limit;
    }

    public Integer getTimeout() {
        return timeout;
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
        this.timeoutSent = true;
    }

    boolean timeoutSent() {
        return timeoutSent;
    }
}
