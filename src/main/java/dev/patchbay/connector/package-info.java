/**
 * The API's <b>connector</b>: a company's configured use of one authentication implementation (name,
 * credentials, time zone, date format, rate limit, pool, certificate). Glossary, to avoid the
 * original product's naming trap:
 * <ul>
 *   <li>connector definition (marketplace entry) → installed into a company as a <b>system</b>
 *       (package {@code catalog}) with authentication implementations and endpoints;</li>
 *   <li>a <b>connector</b> (this package, {@code /api/v1/connectors}) is what the dashboard calls an
 *       <i>instance</i>.</li>
 * </ul>
 */
package dev.patchbay.connector;
