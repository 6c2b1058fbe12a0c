package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every removal refused while the record is in use answers the same 422, byte for byte: one sentence
 * per kind of user under the record's field, then each user under its kind's field.
 */
class InUseRefusalTests extends ApiTest {

    @Test
    void shouldNameTheProcessFlowsWithTheirStateWhenAConnectorIsInUse() {
        Tenant tenant = data.company();
        long connector = data.shopifyConnector(tenant, "Main shop");
        long on = data.processFlowUsing(tenant, connector, "Orders to ERP", true);
        long off = data.processFlowUsing(tenant, connector, "Old stock sync", false);

        Response refused = api.delete("/api/v1/connectors/" + connector, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo("{\"message\":\"The connector is used by 2 process flows and cannot be deleted: "
                + "Orders to ERP (#" + on + "), Old stock sync (#" + off + "). (and 2 more errors)\",\"errors\":{\"connector\":"
                + "[\"The connector is used by 2 process flows and cannot be deleted: Orders to ERP (#" + on + "), Old stock sync (#"
                + off + ").\"],\"process_flows\":[\"Orders to ERP (#" + on + ", enabled)\",\"Old stock sync (#" + off
                + ", disabled)\"]}}");
    }

    @Test
    void shouldNameTheConnectorsWhenAPoolIsInUse() {
        Tenant tenant = data.company();
        long pool = data.pool(tenant, "Shared");
        long connector = data.shopifyConnector(tenant, "Main shop", Map.of("connection_pool_id", pool));

        Response refused = api.delete("/api/v1/connection-pools/" + pool, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo("{\"message\":\"The connection pool is used by 1 connector and cannot be deleted: "
                + "Main shop (#" + connector + "). (and 1 more error)\",\"errors\":{\"connection_pool\":[\"The connection pool is "
                + "used by 1 connector and cannot be deleted: Main shop (#" + connector + ").\"],\"connectors\":[\"Main shop (#"
                + connector + ")\"]}}");
    }

    @Test
    void shouldNameTheConnectorsWhenACertificateIsInUse() {
        Tenant tenant = data.company();
        long certificate = data.certificate(tenant, "mTLS");
        long first = data.shopifyConnector(tenant, "Main shop", Map.of("certificate_id", certificate));
        long second = data.shopifyConnector(tenant, "Outlet", Map.of("certificate_id", certificate));

        Response refused = api.delete("/api/v1/certificates/" + certificate, tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo("{\"message\":\"The certificate is used by 2 connectors and cannot be deleted: "
                + "Main shop (#" + first + "), Outlet (#" + second + "). (and 2 more errors)\",\"errors\":{\"certificate\":[\"The "
                + "certificate is used by 2 connectors and cannot be deleted: Main shop (#" + first + "), Outlet (#" + second
                + ").\"],\"connectors\":[\"Main shop (#" + first + ")\",\"Outlet (#" + second + ")\"]}}");
    }

    @Test
    void shouldNameConnectorsAndProcessFlowsWhenASystemIsInUse() {
        Tenant tenant = data.company();
        long connector = data.shopifyConnector(tenant, "Main shop");
        long endpoint = data.jdbc().sql("SELECT min(id) FROM endpoints WHERE system_id = :s")
                .param("s", tenant.catalog().shopifySystemId()).query(Long.class).single();
        long flow = data.processFlowUsing(tenant, connector, "Orders to ERP", true);
        data.jdbc().sql("UPDATE process_flow_steps SET endpoint_id = :e WHERE process_flow_id = :f")
                .param("e", endpoint).param("f", flow).update();

        Response refused = api.delete("/api/v1/systems/" + tenant.catalog().shopifySystemId(), tenant.apiKey());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo("{\"message\":\"The system is used by 1 connector and cannot be deleted: Main shop (#"
                + connector + "). (and 3 more errors)\",\"errors\":{\"system\":[\"The system is used by 1 connector and cannot be "
                + "deleted: Main shop (#" + connector + ").\",\"The system is used by 1 process flow and cannot be deleted: "
                + "Orders to ERP (#" + flow + ").\"],\"connectors\":[\"Main shop (#" + connector + ")\"],\"process_flows\":"
                + "[\"Orders to ERP (#" + flow + ")\"]}}");
    }
}
