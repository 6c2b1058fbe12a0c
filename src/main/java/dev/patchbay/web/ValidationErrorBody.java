package dev.patchbay.web;

import java.util.List;
import java.util.Map;

/** The contract's 422 body: the first message with a count of the rest, and every field's messages. */
public record ValidationErrorBody(String message, Map<String, List<String>> errors) {}
