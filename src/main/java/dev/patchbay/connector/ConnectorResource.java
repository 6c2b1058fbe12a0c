package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogRelations;
import dev.patchbay.certificate.Certificates;
import dev.patchbay.flow.FlowUsage;
import dev.patchbay.query.Relation;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import dev.patchbay.variable.VariableStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** The connectors' query allow-lists (DESIGN §3, the contract's lists) and their include graph. */
@Component
class ConnectorResource {

    static final ResourceQuery QUERY = ResourceQuery.forResource("connectors", "c.id")
            .includesWithCountAndExists(List.of("authenticationImplementation", "variables", "certificate", "processFlows"))
            .includes(List.of(
                    "authenticationImplementation.authenticationType",
                    "authenticationImplementation.system",
                    "authenticationImplementation.system.logo",
                    "authenticationImplementation.system.systemType",
                    "authenticationImplementation.endpoints",
                    "authenticationImplementation.endpoints.filters",
                    "authenticationImplementation.endpoints.endpointSchema",
                    "authenticationImplementation.endpoints.system",
                    "authenticationImplementation.endpoints.system.logo",
                    "authenticationImplementation.endpoints.entityType",
                    "authenticationImplementation.endpoints.fieldTags",
                    "authenticationImplementation.endpoints.variables",
                    "certificate.user"))
            .filter("canonical_key", "s.canonical_key IN (:values)", ValueType.TEXT)
            .filter("system", "s.id IN (:values)", ValueType.ID)
            .filter("system_template_id", "s.system_template_id IN (:values)", ValueType.TEXT)
            .filter("forSystemTemplate", "s.system_template_id IN (:values)", ValueType.TEXT)
            .filter("forSession", "c.session_id IN (:values)", ValueType.TEXT)
            .filter("platformSession", "c.platform_app_key IN (:values)", ValueType.TEXT)
            .sort("name", "c.name");

    private final Relations relations;

    ConnectorResource(CatalogRelations catalog, Certificates certificates, VariableStore variables, FlowUsage flows) {
        this.relations = Relations.none()
                .with("authenticationImplementation",
                        catalog.authenticationImplementation(ConnectorView::authenticationImplementationId))
                .with("variables", Relation.many("variables", ConnectorView::id,
                        variables.viewsOf(VariableStore.Owner.CONNECTOR),
                        Relations::none))
                .with("certificate", certificates.relation(ConnectorView::certificateId))
                .with("processFlows", flows.relation(ConnectorView::id));
    }

    Relations relations() {
        return relations;
    }
}
