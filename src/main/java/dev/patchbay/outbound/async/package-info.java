/**
 * Asynchronous requests ({@code Prefer: respond-async} on the requests route): kept in PostgreSQL,
 * run by a worker on every node under the connector's limits, and fetched later at
 * {@code /api/v1/requests/{id}}.
 *
 * <p>A node claims a queued request with {@code FOR UPDATE SKIP LOCKED}, so each runs on exactly one
 * node, and holds it by a lease it renews while it runs. No database connection is held while a request
 * waits for its limits or for the system: claiming, renewing and recording are short statements of
 * their own. A request whose lease ran out belonged to a node that died: it may or may not have
 * reached the system, so it is marked {@code interrupted}, and queued again only when sending it twice
 * is harmless (an idempotent method, or an {@code Idempotency-Key}).
 */
package dev.patchbay.outbound.async;
