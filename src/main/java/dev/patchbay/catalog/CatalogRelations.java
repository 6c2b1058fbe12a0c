package dev.patchbay.catalog;

import dev.patchbay.catalog.CatalogViews.AuthenticationImplementationView;
import dev.patchbay.catalog.CatalogViews.EndpointView;
import dev.patchbay.catalog.CatalogViews.SystemView;
import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.variable.VariableStore;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The include graph of the installed connector: authentication implementation → type, system,
 * endpoints → filters, schema, system, entity type, field tags, variables. Other features (the
 * API's connectors) hang their {@code authenticationImplementation} include on it.
 */
@Component
public class CatalogRelations {

    private final CatalogReads reads;
    private final VariableStore variables;

    CatalogRelations(CatalogReads reads, VariableStore variables) {
        this.reads = reads;
        this.variables = variables;
    }

    /** A to-one {@code authenticationImplementation} relation keyed by the parent's foreign key. */
    public <P> Relation authenticationImplementation(Function<P, Long> foreignKey) {
        return Relation.one("authentication_implementation", foreignKey, reads.authenticationImplementations,
                this::authenticationImplementationRelations);
    }

    /** What an authentication implementation can include: authenticationType, system, endpoints, variables. */
    public Relations authenticationImplementationRelations() {
        return Relations.none()
                .with("authenticationType", Relation.one("authentication_type",
                        AuthenticationImplementationView::authenticationTypeId,
                        reads.authenticationTypes, Relations::none))
                .with("system", system(AuthenticationImplementationView::systemId))
                .with("endpoints", Relation.many("endpoints", AuthenticationImplementationView::id,
                        reads.endpointsOfAuthenticationImplementations, this::endpointRelations))
                .with("variables", Relation.many("variables", AuthenticationImplementationView::id,
                        variables.viewsOf(VariableStore.Owner.AUTHENTICATION_IMPLEMENTATION),
                        Relations::none));
    }

    /** A system's {@code authenticationImplementations} (to-many, keyed by the system's id). */
    public Relation authenticationImplementationsOfSystem() {
        return Relation.many("authentication_implementations", SystemView::id, reads.authenticationImplementationsOfSystems,
                this::authenticationImplementationRelations);
    }

    /** A system's {@code endpoints} (to-many, keyed by the system's id). */
    public Relation endpointsOfSystem() {
        return Relation.many("endpoints", SystemView::id, reads.endpointsOfSystems, this::endpointRelations);
    }

    <P> Relation system(Function<P, Long> foreignKey) {
        return Relation.one("system", foreignKey, reads.systems, this::systemRelations);
    }

    /** What a system can include: logo, systemType. */
    public Relations systemRelations() {
        return Relations.none()
                .with("logo", Relation.one("logo", SystemView::id, reads.logos, Relations::none))
                .with("systemType", Relation.one("system_type", SystemView::systemTypeId,
                        reads.systemTypes, Relations::none));
    }

    /** What an endpoint can include: filters, endpointSchema, system, entityType, fieldTags, variables. */
    public Relations endpointRelations() {
        return Relations.none()
                .with("filters", Relation.many("filters", EndpointView::id, reads.endpointFilters, Relations::none))
                .with("endpointSchema", Relation.one("endpoint_schema", EndpointView::id, reads.endpointSchemas,
                        Relations::none))
                .with("system", system(EndpointView::systemId))
                .with("entityType", Relation.one("entity_type", EndpointView::entityTypeId,
                        reads.entityTypes, Relations::none))
                .with("fieldTags", Relation.many("field_tags", EndpointView::id, reads.fieldTags, Relations::none))
                .with("variables", Relation.many("variables", EndpointView::id,
                        variables.viewsOf(VariableStore.Owner.ENDPOINT),
                        Relations::none));
    }
}
