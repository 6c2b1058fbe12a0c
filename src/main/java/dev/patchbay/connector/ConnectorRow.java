package dev.patchbay.connector;

import java.time.OffsetDateTime;

/** A row of {@code connectors}; never serialized (see {@link ConnectorView}). */
record ConnectorRow(
        long id, long companyId, String name, String type, long authenticationImplementationId, String timezone,
        String dateFormat, int rateLimitDuration, String rateLimitUnit, Long connectionPoolId, Long certificateId,
        String sessionId, String platformAppKey, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    ConnectorSettings settings() {
        return new ConnectorSettings(name, type, authenticationImplementationId, timezone, dateFormat, rateLimitUnit,
                rateLimitDuration, connectionPoolId, certificateId, sessionId, platformAppKey);
    }
}
