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
import dev.patchbay.query.Grouping;
import dev.patchbay.query.Grouping.Keyed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Batch loaders for the catalog's includes: each takes many keys and costs one query. Company-owned
 * rows are always filtered by company; reference data (types) is shared.
 */
@Repository
class CatalogReads {

    private final JdbcClient jdbc;

    CatalogReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, List<?>> authenticationImplementations(long companyId, Collection<Long> ids) {
        return companyRows("SELECT id AS k, * FROM authentication_implementations WHERE company_id = :company AND id = ANY(:ids)",
                companyId, ids, CatalogReads::authenticationImplementation);
    }

    Map<Long, List<?>> authenticationImplementationsOfSystems(long companyId, Collection<Long> systemIds) {
        return companyRows("SELECT system_id AS k, * FROM authentication_implementations WHERE company_id = :company "
                        + "AND system_id = ANY(:ids) ORDER BY id", companyId, systemIds, CatalogReads::authenticationImplementation);
    }

    Map<Long, List<?>> endpoints(long companyId, Collection<Long> ids) {
        return companyRows("SELECT id AS k, * FROM endpoints WHERE company_id = :company AND id = ANY(:ids)", companyId, ids,
                CatalogReads::endpoint);
    }

    Map<Long, List<?>> endpointsOfSystems(long companyId, Collection<Long> systemIds) {
        return companyRows("SELECT system_id AS k, * FROM endpoints WHERE company_id = :company AND system_id = ANY(:ids) "
                        + "ORDER BY id", companyId, systemIds, CatalogReads::endpoint);
    }

    Map<Long, List<?>> authenticationTypes(Collection<Long> ids) {
        return sharedRows("SELECT id AS k, * FROM authentication_types WHERE id = ANY(:ids)", ids,
                rs -> new AuthenticationTypeView(rs.getLong("id"), rs.getString("key"), rs.getString("name")));
    }

    Map<Long, List<?>> systems(long companyId, Collection<Long> ids) {
        return companyRows("SELECT id AS k, * FROM systems WHERE company_id = :company AND id = ANY(:ids)", companyId, ids,
                CatalogReads::system);
    }

    Map<Long, List<?>> logos(long companyId, Collection<Long> systemIds) {
        return companyRows("SELECT id AS k, id, logo_url FROM systems WHERE company_id = :company AND id = ANY(:ids) "
                        + "AND logo_url IS NOT NULL", companyId, systemIds,
                rs -> new LogoView(rs.getLong("id"), rs.getString("logo_url")));
    }

    Map<Long, List<?>> systemTypes(Collection<Long> ids) {
        return sharedRows("SELECT id AS k, * FROM system_types WHERE id = ANY(:ids)", ids,
                rs -> new SystemTypeView(rs.getLong("id"), rs.getString("name")));
    }

    Map<Long, List<?>> endpointsOfAuthenticationImplementations(long companyId, Collection<Long> ids) {
        return companyRows("SELECT l.authentication_implementation_id AS k, e.* FROM endpoints e "
                        + "JOIN authentication_implementation_endpoint l ON l.endpoint_id = e.id "
                        + "WHERE e.company_id = :company AND l.authentication_implementation_id = ANY(:ids) ORDER BY e.id",
                companyId, ids, CatalogReads::endpoint);
    }

    Map<Long, List<?>> endpointFilters(long companyId, Collection<Long> endpointIds) {
        return companyRows("SELECT f.endpoint_id AS k, f.* FROM endpoint_filters f JOIN endpoints e ON e.id = f.endpoint_id "
                        + "WHERE e.company_id = :company AND f.endpoint_id = ANY(:ids) ORDER BY f.position, f.id",
                companyId, endpointIds, rs -> new EndpointFilterView(rs.getLong("id"), rs.getLong("endpoint_id"),
                        rs.getString("name"), rs.getString("type"), rs.getString("parameter"), rs.getString("operator")));
    }

    Map<Long, List<?>> endpointSchemas(long companyId, Collection<Long> endpointIds) {
        return companyRows("SELECT s.endpoint_id AS k, s.* FROM endpoint_schemas s JOIN endpoints e ON e.id = s.endpoint_id "
                        + "WHERE e.company_id = :company AND s.endpoint_id = ANY(:ids)",
                companyId, endpointIds,
                rs -> new EndpointSchemaView(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("schema")));
    }

    Map<Long, List<?>> fieldTags(long companyId, Collection<Long> endpointIds) {
        return companyRows("SELECT t.endpoint_id AS k, t.* FROM field_tags t JOIN endpoints e ON e.id = t.endpoint_id "
                        + "WHERE e.company_id = :company AND t.endpoint_id = ANY(:ids) ORDER BY t.id",
                companyId, endpointIds, rs -> new FieldTagView(rs.getLong("id"), rs.getLong("endpoint_id"),
                        rs.getString("path"), rs.getString("tag")));
    }

    Map<Long, List<?>> entityTypes(Collection<Long> ids) {
        return sharedRows("SELECT id AS k, * FROM entity_types WHERE id = ANY(:ids)", ids,
                rs -> new EntityTypeView(rs.getLong("id"), rs.getString("name")));
    }

    private interface RowMaker<T> {
        T make(ResultSet rs) throws SQLException;
    }

    private <T> Map<Long, List<?>> companyRows(String sql, long companyId, Collection<Long> ids, RowMaker<T> maker) {
        return Grouping.byKey(jdbc.sql(sql).param("company", companyId).param("ids", Grouping.keyArray(ids))
                .query((rs, n) -> new Keyed<>(rs.getLong("k"), maker.make(rs)))
                .list());
    }

    private <T> Map<Long, List<?>> sharedRows(String sql, Collection<Long> ids, RowMaker<T> maker) {
        return Grouping.byKey(jdbc.sql(sql).param("ids", Grouping.keyArray(ids))
                .query((rs, n) -> new Keyed<>(rs.getLong("k"), maker.make(rs)))
                .list());
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
