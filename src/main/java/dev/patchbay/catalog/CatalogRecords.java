package dev.patchbay.catalog;

import dev.patchbay.catalog.CatalogViews.AuthenticationImplementationView;
import dev.patchbay.catalog.CatalogViews.EndpointView;
import dev.patchbay.catalog.CatalogViews.SystemView;
import dev.patchbay.query.BatchLoader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The catalog's own records by id, in the order asked for: a list page selects the ids of one page
 * (with its filters and sort) and reads the views here with the same batch loaders the includes use,
 * so each record type is mapped in one place.
 */
@Component
public class CatalogRecords {

    private final CatalogReads reads;

    CatalogRecords(CatalogReads reads) {
        this.reads = reads;
    }

    public List<SystemView> systems(long companyId, List<Long> ids) {
        return inOrder(companyId, ids, reads.systems, SystemView.class);
    }

    public List<AuthenticationImplementationView> authenticationImplementations(long companyId, List<Long> ids) {
        return inOrder(companyId, ids, reads.authenticationImplementations, AuthenticationImplementationView.class);
    }

    public List<EndpointView> endpoints(long companyId, List<Long> ids) {
        return inOrder(companyId, ids, reads.endpoints, EndpointView.class);
    }

    private static <T> List<T> inOrder(long companyId, List<Long> ids, BatchLoader loader, Class<T> type) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<?>> byId = loader.load(companyId, ids);
        return ids.stream()
                .map(id -> byId.getOrDefault(id, List.of()))
                .filter(found -> !found.isEmpty())
                .map(found -> type.cast(found.get(0)))
                .filter(Objects::nonNull)
                .toList();
    }
}
