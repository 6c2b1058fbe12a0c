package dev.patchbay.pool;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A connector assigned to a pool, as the {@code connectors} include shows it: the connector's own
 * fields (its variables and credentials are the connectors API's business). {@code systemId} only
 * keys the {@code connectors.system} include.
 */
record PoolConnectorView(
        long id, String name, String type, long authenticationImplementationId, Long connectionPoolId,
        @JsonIgnore long systemId, String createdAt, String updatedAt) {

    /** The system behind a pool's connector, summarised as the connectors API summarises it. */
    record SystemSummary(long id, String name, String label, String canonicalKey, String systemTemplateId) {}
}
