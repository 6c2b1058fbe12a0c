/**
 * The outbound engine: the one path every call to a third-party system takes (DESIGN §4–§6).
 * A connector's settings, credentials and its authentication implementation are read into an
 * {@link dev.patchbay.outbound.Instance}; a request is rendered from its templates, authenticated,
 * checked against the SSRF guard, sent with the instance's client certificate, and returned as a
 * redacted {@link dev.patchbay.outbound.Exchange}. No database connection or transaction is held
 * while a request is on the wire.
 */
package dev.patchbay.outbound;
