package dev.patchbay.flow;

import java.util.List;

/** A flow's fields after validation; {@code steps} is null when the steps stay as they are. */
record FlowSettings(String name, boolean enabled, List<FlowRequest.StepInput> steps) {}
