/**
 * Outbound calls to third-party systems: the one path every call takes. {@code guard} decides which
 * addresses may be called (the SSRF rule); {@code http} gives pooled HTTP clients that connect only
 * to addresses the guard has checked, with timeouts, client certificates and readable failures.
 */
package dev.patchbay.outbound;
