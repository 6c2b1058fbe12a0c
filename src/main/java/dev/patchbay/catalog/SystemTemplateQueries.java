package dev.patchbay.catalog;

import dev.patchbay.query.Page;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.IncludeTree;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.web.ApiTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/** The marketplace's read side: the newest version of each definition, with what the caller has installed. */
@Service
class SystemTemplateQueries {

    private static final String INSTALLED = "FROM systems s WHERE s.company_id = :company AND s.system_template_id = t.key "
            + "ORDER BY (s.canonical_key = t.key) DESC, s.id LIMIT 1";
    private static final String SELECT = "SELECT t.id, t.key, t.version, t.name, t.system_type, t.source, t.created_at, "
            + "t.updated_at, t.definition->>'description' AS description, t.definition->'system'->>'label' AS label, "
            + "t.definition->'system'->>'logo' AS logo, t.definition->'system'->>'colour' AS colour, "
            + "t.definition->'system'->>'help_link' AS help_link, (SELECT s.id " + INSTALLED + ") AS installed_system_id, "
            + "(SELECT s.system_template_version " + INSTALLED + ") AS installed_version";

    private final ListReader lists;
    /** The marketplace lists the newest version of each definition. */
    private final ListSource<SystemTemplateView> latest;
    /** Any version can be read by its id, with the whole file. */
    private final ListSource<SystemTemplateView> anyVersion;

    SystemTemplateQueries(ListReader lists, SystemTemplateResource resource) {
        this.lists = lists;
        this.latest = ListSource.shared(SELECT, "FROM system_templates t WHERE t.id IN (SELECT DISTINCT ON (key) id "
                + "FROM system_templates ORDER BY key, created_at DESC, id DESC)", "t.id", "system template",
                (rs, n) -> view(rs, null), resource.relations());
        this.anyVersion = ListSource.shared(SELECT + ", t.definition::text AS definition", "FROM system_templates t WHERE TRUE",
                "t.id", "system template", (rs, n) -> view(rs, rs.getString("definition")), resource.relations());
    }

    Page list(Long companyId, QueryParams query) {
        return lists.page(companyIdOrZero(companyId), latest, query);
    }

    Node get(Long companyId, long id, IncludeTree includes) {
        return lists.one(companyIdOrZero(companyId), anyVersion, id, includes);
    }

    /**
     * Definitions are shared by every company; the company only tells what it has installed. The
     * platform key has none, and no system belongs to company 0.
     */
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
