package dev.patchbay.outbound;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Everything a request through one connector needs, read once before the call: its settings, its
 * credentials in clear (held only for the duration of the call) and its authentication
 * implementation. {@code connectorId} is null for a draft that is being checked before it is saved.
 *
 * @param values     the connector's variable values by key, in clear
 * @param secretKeys the keys of the variables that are secret
 * @param settings   the implementation's settings: headers, query, body, basic, oauth1, oauth2, token_request
 * @param testRequest the implementation's test request, or null
 * @param poolLimit  the connection pool's limit, when the connector is in one
 * @param poolTimeoutSeconds how long a request may wait for a slot of the pool, or null for the caller's wait bound
 */
public record Instance(
        long companyId, Long connectorId, String name, String authenticationType, long authenticationImplementationId,
        String baseUrlTemplate, ZoneId zone, String dateFormat, Map<String, String> values, Set<String> secretKeys,
        JsonNode settings, JsonNode testRequest, Long certificateId, Duration connectTimeout, Duration readTimeout,
        int rateLimitAmount, String rateLimitUnit, Long connectionPoolId, Integer poolLimit, Integer poolTimeoutSeconds) {

    /** The values of the secret variables that are set, for redaction. */
    public Set<String> secretValues() {
        return secretKeys.stream().map(values::get).filter(v -> v != null && !v.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The instance with values given for one call (an endpoint's variables, the caller's). They only
     * fill names the connector does not define: a caller can never replace the base URL or a credential.
     */
    public Instance withValues(Map<String, String> callValues) {
        if (callValues.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.HashMap<>(callValues);
        merged.putAll(values);
        return new Instance(companyId, connectorId, name, authenticationType, authenticationImplementationId, baseUrlTemplate,
                zone, dateFormat, java.util.Collections.unmodifiableMap(merged), secretKeys, settings, testRequest,
                certificateId, connectTimeout, readTimeout, rateLimitAmount, rateLimitUnit, connectionPoolId, poolLimit,
                poolTimeoutSeconds);
    }

    @Override
    public String toString() {
        // Never print credentials, should an instance ever reach a log line.
        return "Instance[company=" + companyId + ", connector=" + connectorId + ", type=" + authenticationType + "]";
    }
}
