package dev.patchbay.catalog;

import dev.patchbay.query.Page;
import dev.patchbay.query.QueryParser;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The marketplace for the dashboard: the API's listing of definitions ({@code /system-templates}) and its install. */
@Component
public class Definitions {

    private final SystemTemplateQueries queries;
    private final Installer installer;

    Definitions(SystemTemplateQueries queries, Installer installer) {
        this.queries = queries;
        this.installer = installer;
    }

    /** {@code GET /system-templates} with these query parameters, as seen by the company. */
    public Page list(long companyId, Map<String, String[]> query) {
        return queries.list(companyId, QueryParser.parse(query, SystemTemplateResource.QUERY));
    }

    /** {@code POST /system-templates/{id}/install} with {@code mode} ({@code install|upgrade|alongside}) and {@code system_id}. */
    public Installer.Installation install(long companyId, long templateId, String mode, Long systemId) {
        return installer.install(companyId, templateId, Installer.Mode.of(mode), systemId);
    }
}
