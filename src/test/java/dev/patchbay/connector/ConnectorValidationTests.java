package dev.patchbay.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ConnectorValidationTests extends ApiTest {

    private Response create(Tenant tenant, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(data.shopifyBody(tenant, "Shop"));
        body.putAll(changes);
        body.values().removeIf(value -> value == NULL);
        return api.post("/api/v1/connectors", tenant.apiKey(), body);
    }

    /** Marks a field to leave out of the body. */
    private static final Object NULL = new Object();

    private long connectorCount(Tenant tenant) {
        return data.jdbc().sql("SELECT count(*) FROM connectors WHERE company_id = :c").param("c", tenant.id())
                .query(Long.class).single();
    }

    @Test
    void shouldReportEveryMissingRequiredFieldAtOnce() {
        Tenant tenant = data.company();

        Response response = api.post("/api/v1/connectors", tenant.apiKey(), Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name",
                "authentication_implementation_id", "timezone", "date_format", "rate_limit_unit", "rate_limit_duration");
        assertThat(response.at("/errors/name/0").asString()).isEqualTo("The name field is required.");
        assertThat(response.at("/errors/rate_limit_unit/0").asString()).isEqualTo("The rate limit unit field is required.");
        assertThat(response.at("/message").asString()).endsWith("(and 5 more errors)");
        assertThat(connectorCount(tenant)).isZero();
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnceWithDottedPaths() {
        Tenant tenant = data.company();

        Response response = create(tenant, Map.of(
                "name", "x".repeat(256),
                "timezone", "Mars/Olympus_Mons",
                "date_format", "Y-m-d Q",
                "rate_limit_unit", "week",
                "rate_limit_duration", 0,
                "authentication_implementation_id", 99999999,
                "connection_pool_id", 99999999,
                "certificate_id", 99999999,
                "variables", List.of(Map.of("value", "v"), Map.of("key", "k", "label", "K", "value", "x".repeat(1025)))));

        assertThat(response.status()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.propertyNames()).containsExactlyInAnyOrder("name", "timezone", "date_format", "rate_limit_unit",
                "rate_limit_duration", "authentication_implementation_id", "connection_pool_id", "certificate_id",
                "variables.0.key", "variables.0.label", "variables.1.value");
        assertThat(errors.at("/name/0").asString()).isEqualTo("The name must not be greater than 255 characters.");
        assertThat(errors.at("/rate_limit_unit/0").asString()).contains("second, minute, hour, day");
        assertThat(errors.at("/rate_limit_duration/0").asString()).isEqualTo("The rate limit duration field must be at least 1.");
        assertThat(errors.at("/date_format/0").asString()).contains("`Q`");
        assertThat(errors.at("/variables.0.key/0").asString()).isEqualTo("The variables.0.key field is required.");
        assertThat(errors.at("/variables.1.value/0").asString()).contains("1024");
        assertThat(response.at("/message").asString()).endsWith("(and 10 more errors)");
        assertThat(connectorCount(tenant)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"})
    void shouldAcceptRealIanaTimeZones(String zone) {
        Tenant tenant = data.company();
        assertThat(create(tenant, Map.of("timezone", zone)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GMT+25", "Europe/Londn", "+01:00", "europe/london ", "Local"})
    void shouldRefuseWhatIsNotAnIanaTimeZone(String zone) {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("timezone", zone));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Y-m-d H:i:s", "Y-m-d\\TH:i:sP", "U", "D, d M Y H:i:s O", "c", "d/m/Y", "Y-m-d\\TH:i:s.vP"})
    void shouldAcceptPhpDateFormats(String format) {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("date_format", format));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.at("/data/date_format").asString()).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Y-m-d Q", "Y-b-d", "Y-m-d\\", "d.m.Y K"})
    void shouldRefuseUnknownDateFormatTokens(String format) {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("date_format", format));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("date_format");
    }

    @Test
    void shouldAcceptEveryRateLimitUnit() {
        Tenant tenant = data.company();
        for (String unit : List.of("second", "minute", "hour", "day")) {
            assertThat(create(tenant, Map.of("rate_limit_unit", unit)).status()).as(unit).isEqualTo(200);
        }
    }

    @Test
    void shouldReport422NamingTheFieldWhenATypeIsWrong() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("rate_limit_duration", "lots"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("rate_limit_duration");
    }

    @Test
    void shouldIgnoreUnknownBodyFields() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("colour", "red", "id", 123456, "company_id", 1));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/data/id").asLong()).isNotEqualTo(123456);
    }

    @Test
    void shouldAcceptAValueOfExactly1024Characters() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("variables", List.of(
                Map.of("key", "shop", "value", "s".repeat(1024), "label", "Shop"),
                Map.of("key", "access_token", "value", "shpat_t", "label", "Token"))));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void shouldRequireAValueForEachRequiredVariableTemplate() {
        Tenant tenant = data.company();

        Response omitted = create(tenant, Map.of("variables", List.of(Map.of("key", "shop", "value", "acme", "label", "Shop"))));
        assertThat(omitted.status()).isEqualTo(422);
        assertThat(omitted.at("/errors/variables/0").asString()).contains("access_token");

        Response blank = create(tenant, Map.of("variables", List.of(Map.of("key", "shop", "value", " ", "label", "Shop"),
                Map.of("key", "access_token", "value", "t", "label", "Token"))));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").propertyNames()).containsExactly("variables.0.value");
        assertThat(connectorCount(tenant)).isZero();
    }

    @Test
    void shouldAllowNoVariablesWhereTheTemplatesRequireNone() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("authentication_implementation_id", tenant.catalog().restNoAuthId(),
                "variables", List.of(Map.of("key", "base_url", "value", "https://api.example.test", "label", "Base URL"))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void shouldRefuseDuplicateVariableKeys() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("variables", List.of(
                Map.of("key", "shop", "value", "a", "label", "Shop"),
                Map.of("key", "access_token", "value", "t", "label", "Token"),
                Map.of("key", "shop", "value", "b", "label", "Shop again"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("variables.2.key");
    }

    @Test
    void shouldRefuseChangingALockedTemplateValueOnCreate() {
        Tenant tenant = data.company();
        Response response = create(tenant, Map.of("variables", List.of(
                Map.of("key", "shop", "value", "a", "label", "Shop"),
                Map.of("key", "access_token", "value", "t", "label", "Token"),
                Map.of("key", "api_version", "value", "2099-01", "label", "API version"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/variables.2.value/0").asString()).contains("locked");
    }

    @Test
    void shouldRefuseAnotherCompanysOrUnknownReferences() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long pool = data.pool(owner, "Owner's pool");
        long certificate = data.certificate(owner, "Owner's certificate");

        Response response = create(other, Map.of("authentication_implementation_id", owner.catalog().shopifyTokenAuthId(),
                "connection_pool_id", pool, "certificate_id", certificate));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).contains("authentication_implementation_id",
                "connection_pool_id", "certificate_id");
        assertThat(connectorCount(other)).isZero();
    }

    @Test
    void shouldRequireVariablesOnUpdateAndAnIdForEach() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");

        Response noVariables = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of("name", "New"));
        assertThat(noVariables.status()).isEqualTo(422);
        assertThat(noVariables.at("/errors/variables/0").asString()).isEqualTo("The variables field is required.");

        Response noId = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of("variables", List.of(Map.of("value", "x"))));
        assertThat(noId.status()).isEqualTo(422);
        assertThat(noId.at("/errors/variables.0.id/0").asString()).isEqualTo("The variables.0.id field is required.");
        assertThat(api.get("/api/v1/connectors/" + id, tenant.apiKey()).at("/data/name").asString()).isEqualTo("Shop");
    }

    @Test
    void shouldRefuseVariableIdsOfAnotherConnector() {
        Tenant tenant = data.company();
        long first = data.shopifyConnector(tenant, "First");
        long second = data.shopifyConnector(tenant, "Second");
        long foreignVariable = variables(tenant, second).get(0).get("id").asLong();

        Response response = api.put("/api/v1/connectors/" + first, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", foreignVariable, "value", "hijack"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.at("/errors/variables.0.id/0").asString()).isEqualTo("The selected variables.0.id is invalid.");
        assertThat(variables(tenant, second).get(0).get("value").asString()).isEqualTo("acme");
    }

    @Test
    void shouldRefuseChangingALockedVariablesKeyValueOrLockButAllowItsLabel() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");
        long locked = variables(tenant, id).get(2).get("id").asLong(); // api_version, locked by its template

        Response refused = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of("variables",
                List.of(Map.of("id", locked, "key", "version", "value", "2099-01", "locked", false))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("variables.0.key", "variables.0.value", "variables.0.locked");

        Response relabelled = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", locked, "label", "Shopify API version"))));
        assertThat(relabelled.status()).isEqualTo(200);
        assertThat(relabelled.at("/data/variables/2/label").asString()).isEqualTo("Shopify API version");
        assertThat(relabelled.at("/data/variables/2/value").asString()).isEqualTo("2024-10");
    }

    @Test
    void shouldRefuseInvalidFieldsOnUpdateAndChangeNothing() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");
        long shop = variables(tenant, id).get(0).get("id").asLong();

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(), Map.of(
                "name", " ",
                "timezone", "Nowhere/City",
                "date_format", "YYYY-Q",
                "rate_limit_unit", "fortnight",
                "rate_limit_duration", -1,
                "connection_pool_id", 99999999,
                "variables", List.of(Map.of("id", shop, "value", "changed-but-not-saved"))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "timezone", "date_format",
                "rate_limit_unit", "rate_limit_duration", "connection_pool_id");
        Response unchanged = api.get("/api/v1/connectors/" + id + "?include=variables", tenant.apiKey());
        assertThat(unchanged.at("/data/timezone").asString()).isEqualTo("Europe/London");
        assertThat(unchanged.at("/data/variables/0/value").asString()).isEqualTo("acme");
    }

    @Test
    void shouldRefuseBlankingARequiredVariableOnUpdate() {
        Tenant tenant = data.company();
        long id = data.shopifyConnector(tenant, "Shop");
        long shop = variables(tenant, id).get(0).get("id").asLong();

        Response response = api.put("/api/v1/connectors/" + id, tenant.apiKey(),
                Map.of("variables", List.of(Map.of("id", shop, "value", ""))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("variables.0.value");
    }

    private JsonNode variables(Tenant tenant, long connectorId) {
        return api.get("/api/v1/connectors/" + connectorId + "?include=variables", tenant.apiKey()).at("/data/variables");
    }
}
