package dev.patchbay.catalog;

import dev.patchbay.query.Page;
import dev.patchbay.query.IncludeEngine;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.ApiTimestamps;
import dev.patchbay.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The marketplace's read side: the newest version of each definition, with what the caller has installed. */
@Service
class SystemTemplateQueries {

    private static final String LATEST = " FROM system_templates t WHERE t.id IN (SELECT DISTINCT ON (key) id "
            + "FROM system_templates ORDER BY key, created_at DESC, id DESC)";
    private static final String INSTALLED = "FROM systems s WHERE s.company_id = :company AND s.system_template_id = t.key "
            + "ORDER BY (s.canonical_key = t.key) DESC, s.id LIMIT 1";
    private static final String SELECT = "SELECT t.id, t.key, t.version, t.name, t.system_type, t.source, t.created_at, "
            + "t.updated_at, t.definition->>'description' AS description, t.definition->'system'->>'label' AS label, "
            + "t.definition->'system'->>'logo' AS logo, t.definition->'system'->>'colour' AS colour, "
            + "t.definition->'system'->>'help_link' AS help_link, (SELECT s.id " + INSTALLED + ") AS installed_system_id, "
            + "(SELECT s.system_template_version " + INSTALLED + ") AS installed_version";

    private final JdbcClient jdbc;
    private final SystemTemplateResource resource;

    SystemTemplateQueries(JdbcClient jdbc, SystemTemplateResource resource) {
        this.jdbc = jdbc;
        this.resource = resource;
    }

    @Transactional(readOnly = true)
    Page list(Long companyId, QueryParams query) {
        long total = jdbc.sql("SELECT count(*)" + LATEST + query.andConditions()).params(query.parameters())
                .query(Long.class).single();
        List<SystemTemplateView> views = total <= query.offset() ? List.of() : jdbc.sql(SELECT + LATEST
                        + query.andConditions() + " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset")
                .param("company", companyId)
                .params(query.parameters())
                .param("limit", query.perPage())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs, null))
                .list();
        return new Page(IncludeEngine.load(companyIdOrZero(companyId), views, resource.relations(), query.includes()),
                total);
    }

    @Transactional(readOnly = true)
    Node get(Long companyId, long id, IncludeTree includes) {
        SystemTemplateView view = jdbc.sql(SELECT + ", t.definition::text AS definition FROM system_templates t WHERE t.id = :id")
                .param("company", companyId)
                .param("id", id)
                .query((rs, n) -> view(rs, rs.getString("definition")))
                .optional()
                .orElseThrow(() -> NotFoundException.of("system template", id));
        return IncludeEngine.load(companyIdOrZero(companyId), List.of(view), resource.relations(), includes).get(0);
    }

    /** Definitions are shared by every company; the loaders ignore the company. */
    private static long companyIdOrZero(Long companyId) {
        return companyId == null ? 0 : companyId;
    }

    private static SystemTemplateView view(ResultSet rs, String definition) throws SQLException {
        return new SystemTemplateView(rs.getLong("id"), rs.getString("key"), rs.getString("version"), rs.getString("name"),
                rs.getString("label"), rs.getString("system_type"), rs.getString("description"), rs.getString("logo"),
                rs.getString("colour"), rs.getString("help_link"), rs.getString("source"),
                rs.getObject("installed_system_id", Long.class), rs.getString("installed_version"),
                ApiTimestamps.format(rs.getObject("created_at", OffsetDateTime.class)),
                ApiTimestamps.format(rs.getObject("updated_at", OffsetDateTime.class)), definition);
    }
}
