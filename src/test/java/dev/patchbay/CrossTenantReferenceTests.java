package dev.patchbay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.TestData.Tenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database itself refuses a row of one company that points at a row of another: each statement
 * below would have been accepted by single-column foreign keys, and is run straight through SQL, past
 * every check of the services.
 */
class CrossTenantReferenceTests extends ApiTest {

    private record Rows(Tenant tenant, long user, long system, long implementation, long endpoint, long pool,
            long certificate, long connector, long flow) {}

    private JdbcClient jdbc;
    private Rows a;
    private Rows b;

    @BeforeEach
    void twoCompanies() {
        jdbc = data.jdbc();
        a = rowsOf(data.company());
        b = rowsOf(data.company());
    }

    private Rows rowsOf(Tenant tenant) {
        long connector = data.shopifyConnector(tenant, "Shop");
        return new Rows(tenant, id("SELECT min(id) FROM users WHERE company_id = :c", tenant.id()),
                tenant.catalog().shopifySystemId(), tenant.catalog().shopifyTokenAuthId(),
                id("SELECT min(e.id) FROM endpoints e WHERE e.company_id = :c", tenant.id()), data.pool(tenant, "Pool"),
                data.certificate(tenant, "mTLS"), connector, data.processFlowUsing(tenant, connector, "Flow", true));
    }

    @Test
    void shouldRefuseAConnectorUsingAnotherCompanysPoolCertificateOrAuthenticationImplementation() {
        assertRefused("UPDATE connectors SET connection_pool_id = :other WHERE id = :own", a.connector(), b.pool());
        assertRefused("UPDATE connectors SET certificate_id = :other WHERE id = :own", a.connector(), b.certificate());
        assertRefused("UPDATE connectors SET authentication_implementation_id = :other WHERE id = :own", a.connector(),
                b.implementation());

        assertAccepted("UPDATE connectors SET connection_pool_id = :other WHERE id = :own", a.connector(), a.pool());
        assertAccepted("UPDATE connectors SET certificate_id = :other WHERE id = :own", a.connector(), a.certificate());
    }

    @Test
    void shouldRefuseAFlowStepCallingAnotherCompanysConnectorOrEndpoint() {
        assertRefused("INSERT INTO process_flow_steps (company_id, process_flow_id, connector_id) "
                + "SELECT company_id, id, :other FROM process_flows WHERE id = :own", a.flow(), b.connector());
        assertRefused("UPDATE process_flow_steps SET endpoint_id = :other WHERE process_flow_id = :own", a.flow(), b.endpoint());
        assertRefused("INSERT INTO process_flow_steps (company_id, process_flow_id, connector_id) "
                + "SELECT company_id, :own, id FROM connectors WHERE id = :other", a.flow(), b.connector());

        assertAccepted("UPDATE process_flow_steps SET endpoint_id = :other WHERE process_flow_id = :own", a.flow(), a.endpoint());
    }

    @Test
    void shouldRefuseCatalogRowsSpanningTwoCompanies() {
        assertRefused("UPDATE authentication_implementations SET system_id = :other WHERE id = :own", a.implementation(),
                b.system());
        assertRefused("UPDATE endpoints SET system_id = :other WHERE id = :own", a.endpoint(), b.system());
        assertRefused("INSERT INTO authentication_implementation_endpoint (company_id, authentication_implementation_id, "
                + "endpoint_id) SELECT company_id, id, :other FROM authentication_implementations WHERE id = :own",
                a.implementation(), b.endpoint());
    }

    @Test
    void shouldRefuseVariablesTokensAndConsentsOfAnotherCompanysConnector() {
        long company = a.tenant().id();
        assertRefused("INSERT INTO variables (company_id, connector_id, key, label) VALUES (" + company
                + ", :other, 'k', 'K')", a.connector(), b.connector());
        assertRefused("INSERT INTO variables (company_id, endpoint_id, key, label) VALUES (" + company
                + ", :other, 'k', 'K')", a.connector(), b.endpoint());
        assertRefused("INSERT INTO variables (company_id, authentication_implementation_id, key, label) VALUES (" + company
                + ", :other, 'k', 'K')", a.connector(), b.implementation());
        assertRefused("INSERT INTO connector_tokens (company_id, connector_id, access_token_encrypted) VALUES (" + company
                + ", :other, 'x')", a.connector(), b.connector());
        assertRefused("INSERT INTO oauth_states (state_hash, company_id, connector_id, redirect_uri, expires_at) VALUES ('h', "
                + company + ", :other, 'https://x', now())", a.connector(), b.connector());
    }

    @Test
    void shouldRefuseACertificateNamingAnotherCompanysUserAndStillForgetADeletedUploader() {
        assertRefused("UPDATE certificates SET user_id = :other WHERE id = :own", a.certificate(), b.user());

        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", a.user()).update();

        assertThat(jdbc.sql("SELECT company_id, user_id FROM certificates WHERE id = :id").param("id", a.certificate())
                .query((rs, n) -> Map.of("company", rs.getLong(1), "user", rs.getObject(2) == null ? "none" : "kept")).single())
                .as("ON DELETE SET NULL forgets the user and keeps the company")
                .isEqualTo(Map.of("company", a.tenant().id(), "user", "none"));
    }

    @Test
    void shouldKeepDeletingWhatBelongsToARecord() {
        jdbc.sql("DELETE FROM process_flows WHERE id = :id").param("id", a.flow()).update();
        jdbc.sql("DELETE FROM connectors WHERE id = :id").param("id", a.connector()).update();

        assertThat(id("SELECT count(*) FROM process_flow_steps WHERE company_id = :c", a.tenant().id())).isZero();
        assertThat(id("SELECT count(*) FROM variables WHERE company_id = :c AND connector_id IS NOT NULL", a.tenant().id()))
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM connectors WHERE id = :id").param("id", b.connector()).update())
                .as("a connector a flow step calls is still restricted").isInstanceOf(DataIntegrityViolationException.class);
    }

    private void assertRefused(String sql, long own, long other) {
        assertThatThrownBy(() -> run(sql, own, other)).as(sql).isInstanceOf(DataIntegrityViolationException.class);
    }

    private void assertAccepted(String sql, long own, long other) {
        assertThat(run(sql, own, other)).as(sql).isEqualTo(1);
    }

    private int run(String sql, long own, long other) {
        return jdbc.sql(sql).param("own", own).param("other", other).update();
    }

    private long id(String sql, long company) {
        return jdbc.sql(sql).param("c", company).query(Long.class).single();
    }
}
