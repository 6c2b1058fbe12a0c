package dev.patchbay.flow;

import java.util.List;

/** A process flow as the API shows it, always with its connector steps in order. */
public record ProcessFlowView(long id, String name, boolean enabled, List<Step> steps, String createdAt, String updatedAt) {

    /** A connector step ("shape"): which connector calls which endpoint, at which position (0-based). */
    public record Step(long id, int position, long connectorId, Long endpointId) {}
}
