/**
 * The connector builder: a company builds its own installed connector (a <b>system</b>, its
 * <b>authentication implementations</b>, <b>endpoints</b> and <b>variable templates</b>) through
 * {@code /api/v1/systems}, {@code /api/v1/authentication-implementations}, {@code /api/v1/endpoints}
 * and {@code /api/v1/variables}. Reads reuse the catalog's views, loaders and include graph
 * ({@code dev.patchbay.catalog}); one sub-package per resource. Reference data (system and
 * authentication types) is shared by every company and read-only here.
 */
package dev.patchbay.builder;
