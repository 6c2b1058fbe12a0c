package dev.patchbay.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An error body with the details of what was attempted: the contract's {@code message} and
 * {@code errors}, plus {@code data} (a failed credential check's request and response).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DetailedErrorBody(String message, Map<String, List<String>> errors, Object data) {}
