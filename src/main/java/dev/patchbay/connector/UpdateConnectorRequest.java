package dev.patchbay.connector;

import dev.patchbay.web.CheckedBody;
import dev.patchbay.connector.VariableInputs.ChangedVariable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The contract's "Update Connector" body: every field optional except {@code variables}, whose
 * items each name their {@code id}. An absent field keeps its value.
 *
 * <p>A class rather than a record, unlike the other bodies: {@code connection_pool_id} and
 * {@code certificate_id} must tell "absent" (keep) from an explicit {@code null} (detach), and Jackson
 * calls a setter only for a field that is present.
 */
@CheckedBody
final class UpdateConnectorRequest {

    @Size(min = 1, max = 255, message = "must be between 1 and 255 characters.")
    private String name;

    private Long authenticationImplementationId;

    /**
     * Checked as the contract's table says (a string), then ignored: the type is derived from the
     * system's protocol exactly as on create. Ignored rather than refused because the contract lists
     * {@code type} among the update's fields and existing clients must work unchanged (DESIGN §1): a
     * client that sends back the connector it read, or an old free-text value, keeps working, and the
     * answer shows the type that holds.
     */
    @Size(min = 1, max = 50, message = "must be between 1 and 50 characters.")
    private String type;

    private String timezone;

    @Size(min = 1, max = 100, message = "must be between 1 and 100 characters.")
    private String dateFormat;

    private String rateLimitUnit;

    @Min(value = 1, message = "field must be at least 1.")
    private Integer rateLimitDuration;

    private Long connectionPoolId;
    private boolean connectionPoolIdSent;

    private Long certificateId;
    private boolean certificateIdSent;

    @NotNull(message = "field is required.")
    private List<@NotNull(message = "field must be an object.") @Valid ChangedVariable> variables;

    public String getName() {
        return name;
    }

    public Long getAuthenticationImplementationId() {
        return authenticationImplementationId;
    }

    public String getType() {
        return type;
    }

    public String getTimezone() {
        return timezone;
    }

    public String getDateFormat() {
        return dateFormat;
    }

    public String getRateLimitUnit() {
        return rateLimitUnit;
    }

    public Integer getRateLimitDuration() {
        return rateLimitDuration;
    }

    public List<ChangedVariable> getVariables() {
        return variables;
    }

    public void setConnectionPoolId(Long connectionPoolId) {
        this.connectionPoolId = connectionPoolId;
        this.connectionPoolIdSent = true;
    }

    public void setCertificateId(Long certificateId) {
        this.certificateId = certificateId;
        this.certificateIdSent = true;
    }

    /**
     * This body as the API documentation shows it: the same fields, as a record (the setters and
     * their flags say nothing to a reader). {@code UpdateConnectorDocumentationTests} keeps the two in step.
     */
    @Schema(name = "UpdateConnectorRequest")
    record Documented(
            @Size(min = 1, max = 255) String name,
            @Schema(description = "Another authentication implementation of the connector's own system; its variables are "
                    + "then merged again against the new templates (values of keys that remain are kept).")
                    Long authenticationImplementationId,
            @Size(min = 1, max = 50) @Schema(description = "Ignored: the type follows the system's protocol, as on create.")
                    String type,
            String timezone,
            @Size(min = 1, max = 100) String dateFormat,
            @Schema(allowableValues = {"second", "minute", "hour", "day"}) String rateLimitUnit,
            @Min(1) Integer rateLimitDuration,
            @Schema(nullable = true, description = "null detaches the connector from its pool; absent keeps it.")
                    Long connectionPoolId,
            @Schema(nullable = true, description = "null removes the certificate; absent keeps it.") Long certificateId,
            @NotNull List<ChangedVariable> variables) {}

    /** The pool to use after the update: the sent one (null detaches) or, when absent, the current one. */
    Long connectionPoolIdOr(Long current) {
        return connectionPoolIdSent ? connectionPoolId : current;
    }

    Long certificateIdOr(Long current) {
        return certificateIdSent ? certificateId : current;
    }
}
