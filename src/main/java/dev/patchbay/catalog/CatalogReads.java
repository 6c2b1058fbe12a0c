package dev.patchbay.catalog;

import static dev.patchbay.web.ApiTimestamps.format;

import dev.patchbay.catalog.CatalogViews.AuthenticationImplementationView;
import dev.patchbay.catalog.CatalogViews.AuthenticationTypeView;
import dev.patchbay.catalog.CatalogViews.EndpointFilterView;
import dev.patchbay.catalog.CatalogViews.EndpointSchemaView;
import dev.patchbay.catalog.CatalogViews.EndpointView;
import dev.patchbay.catalog.CatalogViews.EntityTypeView;
import dev.patchbay.catalog.CatalogViews.FieldTagView;
import dev.patchbay.catalog.CatalogViews.LogoView;
import dev.patchbay.catalog.CatalogViews.SystemTypeView;
import dev.patchbay.catalog.CatalogViews.SystemView;
import dev.patchbay.query.KeyedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Batch loaders for the catalog's includes: each takes many keys and costs one query (sent with the other
 * queries of its include level). Company-owned rows are always filtered by company; reference data (types)
 * is shared.
 */
@Component
class CatalogReads {

    final KeyedQuery authenticationImplementations;
    final KeyedQuery authenticationImplementationsOfSystems;
    final KeyedQuery endpoints;
    final KeyedQuery endpointsOfSystems;
    final KeyedQuery authenticationTypes;
    final KeyedQuery systems;
    final KeyedQuery logos;
    final KeyedQuery systemTypes;
    final KeyedQuery endpointsOfAuthenticationImplementations;
    final KeyedQuery endpointFilters;
    final KeyedQuery endpointSchemas;
    final KeyedQuery fieldTags;
    final KeyedQuery entityTypes;

    CatalogReads(JdbcOperations jdbc) {
        authenticationImplementations = KeyedQuery.of(jdbc,
                "SELECT id AS k, * FROM authentication_implementations WHERE company_id = :company AND id = ANY(:ids)",
                CatalogReads::authenticationImplementation);
        authenticationImplementationsOfSystems = KeyedQuery.of(jdbc, "SELECT system_id AS k, * FROM authentication_implementations "
                + "WHERE company_id = :company AND system_id = ANY(:ids) ORDER BY id", CatalogReads::authenticationImplementation);
        endpoints = KeyedQuery.of(jdbc, "SELECT id AS k, * FROM endpoints WHERE company_id = :company AND id = ANY(:ids)",
                CatalogReads::endpoint);
        endpointsOfSystems = KeyedQuery.of(jdbc, "SELECT system_id AS k, * FROM endpoints WHERE company_id = :company "
                + "AND system_id = ANY(:ids) ORDER BY id", CatalogReads::endpoint);
        authenticationTypes = KeyedQuery.of(jdbc, "SELECT id AS k, * FROM authentication_types WHERE id = ANY(:ids)",
                rs -> new AuthenticationTypeView(rs.getLong("id"), rs.getString("key"), rs.getString("name")));
        systems = KeyedQuery.of(jdbc, "SELECT id AS k, * FROM systems WHERE company_id = :company AND id = ANY(:ids)",
                CatalogReads::system);
        logos = KeyedQuery.of(jdbc, "SELECT id AS k, id, logo_url FROM systems WHERE company_id = :company AND id = ANY(:ids) "
                + "AND logo_url IS NOT NULL", rs -> new LogoView(rs.getLong("id"), rs.getString("logo_url")));
        systemTypes = KeyedQuery.of(jdbc, "SELECT id AS k, * FROM system_types WHERE id = ANY(:ids)",
                rs -> new SystemTypeView(rs.getLong("id"), rs.getString("name")));
        endpointsOfAuthenticationImplementations = KeyedQuery.of(jdbc, "SELECT l.authentication_implementation_id AS k, e.* "
                + "FROM endpoints e JOIN authentication_implementation_endpoint l ON l.endpoint_id = e.id "
                + "WHERE e.company_id = :company AND l.authentication_implementation_id = ANY(:ids) ORDER BY e.id",
                CatalogReads::endpoint);
        endpointFilters = KeyedQuery.of(jdbc, "SELECT f.endpoint_id AS k, f.* FROM endpoint_filters f "
                + "JOIN endpoints e ON e.id = f.endpoint_id WHERE e.company_id = :company AND f.endpoint_id = ANY(:ids) "
                + "ORDER BY f.position, f.id", rs -> new EndpointFilterView(rs.getLong("id"), rs.getLong("endpoint_id"),
                        rs.getString("name"), rs.getString("type"), rs.getString("parameter"), rs.getString("operator")));
        endpointSchemas = KeyedQuery.of(jdbc, "SELECT s.endpoint_id AS k, s.* FROM endpoint_schemas s "
                + "JOIN endpoints e ON e.id = s.endpoint_id WHERE e.company_id = :company AND s.endpoint_id = ANY(:ids)",
                rs -> new EndpointSchemaView(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("schema")));
        fieldTags = KeyedQuery.of(jdbc, "SELECT t.endpoint_id AS k, t.* FROM field_tags t JOIN endpoints e ON e.id = t.endpoint_id "
                + "WHERE e.company_id = :company AND t.endpoint_id = ANY(:ids) ORDER BY t.id",
                rs -> new FieldTagView(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("path"), rs.getString("tag")));
        entityTypes = KeyedQuery.of(jdbc, "SELECT id AS k, * FROM entity_types WHERE id = ANY(:ids)",
                rs -> new EntityTypeView(rs.getLong("id"), rs.getString("name")));
    }

    private static SystemView system(ResultSet rs) throws SQLException {
        return new SystemView(rs.getLong("id"), rs.getString("name"), rs.getString("label"), rs.getString("canonical_key"),
                rs.getLong("system_type_id"), rs.getString("protocol"), rs.getString("colour"), rs.getString("version"),
                rs.getString("version_name"), rs.getInt("default_rate_limit_duration"), rs.getString("default_rate_limit_unit"),
                rs.getString("default_date_format"), rs.getString("help_link"), rs.getString("system_template_id"),
                rs.getString("base_url"), rs.getObject("connect_timeout", Integer.class),
                rs.getObject("read_timeout", Integer.class), time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static AuthenticationImplementationView authenticationImplementation(ResultSet rs) throws SQLException {
        return new AuthenticationImplementationView(rs.getLong("id"), rs.getLong("system_id"),
                rs.getLong("authentication_type_id"), rs.getString("name"), rs.getString("settings"),
                rs.getString("test_request"), time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static EndpointView endpoint(ResultSet rs) throws SQLException {
        return new EndpointView(rs.getLong("id"), rs.getLong("system_id"), rs.getString("name"), rs.getString("http_method"),
                rs.getString("path"), rs.getString("direction"), rs.getString("data_type"), rs.getString("pagination_method"),
                rs.getBoolean("returns_multiple_records"), rs.getObject("entity_type_id", Long.class),
                time(rs, "deprecated_at"), time(rs, "created_at"), time(rs, "updated_at"));
    }

    static String time(ResultSet rs, String column) throws SQLException {
        return format(rs.getObject(column, OffsetDateTime.class));
    }
}
