package dev.patchbay.web;

/**
 * The caller's company where a route also serves callers without one (the platform key):
 * {@code id} is null for them.
 */
public record MaybeCompany(Long id) {}
