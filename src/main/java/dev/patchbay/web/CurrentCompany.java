package dev.patchbay.web;

/**
 * The tenant of the authenticated caller, handed to controllers as a parameter so that every
 * service and repository call receives it explicitly.
 */
public record CurrentCompany(long id, Long userId) {}
