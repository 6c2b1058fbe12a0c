package dev.patchbay.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A 429 of the outbound limits: why, and the place the request would have had in its instance's queue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitRefusedBody(String message, Integer queuePosition) {}
