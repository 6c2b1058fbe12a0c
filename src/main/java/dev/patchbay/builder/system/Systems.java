package dev.patchbay.builder.system;

import dev.patchbay.query.Node;
import dev.patchbay.query.Page;
import dev.patchbay.query.QueryParser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The installed connectors (the API's systems) for the dashboard: the API's reads, and uninstall as its delete. */
@Component
public class Systems {

    private final SystemQueries queries;
    private final SystemService service;

    Systems(SystemQueries queries, SystemService service) {
        this.queries = queries;
        this.service = service;
    }

    /** {@code GET /systems} with these query parameters. */
    public Page list(long companyId, Map<String, String[]> query) {
        return queries.list(companyId, QueryParser.parse(query, SystemResource.QUERY));
    }

    /** {@code GET /systems/{id}?include=...}. */
    public Node get(long companyId, long id, List<String> includes) {
        return queries.get(companyId, id,
                QueryParser.parseIncludes(Map.of("include", new String[] {String.join(",", includes)}), SystemResource.QUERY));
    }

    /** {@code DELETE /systems/{id}}: refused while connectors use the system or process flows call its endpoints. */
    public void uninstall(long companyId, long id) {
        service.delete(companyId, id);
    }
}
