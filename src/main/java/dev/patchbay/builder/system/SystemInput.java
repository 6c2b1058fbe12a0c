package dev.patchbay.builder.system;

import dev.patchbay.catalog.SystemWriter.SystemColumns;
import dev.patchbay.web.CheckedBody;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A system's writable fields, for create and (merged over the current values) for update.
 * {@code system_template_id} is read-only: the marketplace sets it, so it is not accepted here.
 * {@code connect_timeout} and {@code read_timeout} are seconds; null means the service's
 * {@code patchbay.outbound.connect-timeout} / {@code read-timeout}. Their bounds are the database's.
 */
@CheckedBody
record SystemInput(
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String name,
        @Size(max = 255, message = "must not be greater than 255 characters.") String label,
        @NotBlank(message = "field is required.") @Size(max = 100, message = "must not be greater than 100 characters.")
                @Pattern(regexp = "[a-z0-9_]*", message = "must contain only lowercase letters, digits and underscores.")
                String canonicalKey,
        @NotNull(message = "field is required.") Long systemTypeId,
        @NotBlank(message = "field is required.") String protocol,
        @Pattern(regexp = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})",
                        message = "must be a hex colour such as #95bf47.") String colour,
        @Size(max = 2048, message = "must not be greater than 2048 characters.") String logo,
        @Size(max = 50, message = "must not be greater than 50 characters.") String version,
        @Size(max = 100, message = "must not be greater than 100 characters.") String versionName,
        @NotNull(message = "field is required.") @Min(value = 1, message = "field must be at least 1.")
                Integer defaultRateLimitDuration,
        @NotBlank(message = "field is required.") String defaultRateLimitUnit,
        @NotBlank(message = "field is required.") @Size(max = 100, message = "must not be greater than 100 characters.")
                String defaultDateFormat,
        @Size(max = 2048, message = "must not be greater than 2048 characters.") String helpLink,
        @Size(max = 2048, message = "must not be greater than 2048 characters.") String baseUrl,
        @Min(value = 1, message = "field must be between 1 and 600.")
                @Max(value = 600, message = "field must be between 1 and 600.") Integer connectTimeout,
        @Min(value = 1, message = "field must be between 1 and 3600.")
                @Max(value = 3600, message = "field must be between 1 and 3600.") Integer readTimeout) {

    /** What a new system gets for the fields a create leaves out. */
    SystemInput withDefaults() {
        return new SystemInput(name, label, canonicalKey, systemTypeId, protocol == null ? "HTTP" : protocol, colour, logo,
                version, versionName, defaultRateLimitDuration == null ? 60 : defaultRateLimitDuration,
                defaultRateLimitUnit == null ? "minute" : defaultRateLimitUnit,
                defaultDateFormat == null ? "Y-m-d H:i:s" : defaultDateFormat, helpLink, baseUrl, connectTimeout,
                readTimeout);
    }

    /** The columns the catalog's writer stores (the name without surrounding blanks). */
    SystemColumns toColumns() {
        return new SystemColumns(name.trim(), label, canonicalKey, systemTypeId, protocol, colour, logo, version, versionName,
                defaultRateLimitDuration, defaultRateLimitUnit, defaultDateFormat, helpLink, baseUrl, connectTimeout,
                readTimeout);
    }
}
