package dev.patchbay.connector;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A connector as the contract shows it. {@code system} is a summary of the system behind the
 * authentication implementation, read in the same query as the connector.
 */
record ConnectorView(
        long id, String name, String type, long authenticationImplementationId, String timezone, String dateFormat,
        @Schema(allowableValues = {"second", "minute", "hour", "day"}) String rateLimitUnit, int rateLimitDuration,
        Long connectionPoolId, Long certificateId, String sessionId, String platformAppKey, SystemSummary system,
        String createdAt, String updatedAt) {

    record SystemSummary(long id, String name, String label, String canonicalKey, String systemTemplateId) {}
}
