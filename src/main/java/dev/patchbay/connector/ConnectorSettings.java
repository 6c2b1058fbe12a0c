package dev.patchbay.connector;

/** A connector's own fields after validation: what the repository writes. */
record ConnectorSettings(
        String name, String type, long authenticationImplementationId, String timezone, String dateFormat,
        String rateLimitUnit, int rateLimitDuration, Long connectionPoolId, Long certificateId, String sessionId,
        String platformAppKey) {}
