package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.support.Api;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestData.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Connectors of any authentication type, made the way a person makes them: a system
 * ({@code POST /api/v1/systems}), an authentication implementation with its settings and test
 * request ({@code POST /api/v1/authentication-implementations}), then a connector with values
 * ({@code POST /api/v1/connectors}, which runs the credential check).
 */
final class BuiltConnectors {

    /** {@code authentication_types.id}, in the order V2 inserts them. */
    static final int NONE = 1;
    static final int BASIC = 2;
    static final int TOKEN = 3;
    static final int OAUTH2_CLIENT_CREDENTIALS = 4;
    static final int OAUTH2_AUTHORIZATION_CODE = 5;
    static final int OAUTH1 = 6;
    static final int SESSION = 7;

    /** A variable of the implementation (a required template) and of the connector (its value). */
    record Var(String key, String value, boolean secret) {
        static Var plain(String key, String value) {
            return new Var(key, value, false);
        }

        static Var secret(String key, String value) {
            return new Var(key, value, true);
        }
    }

    /** What a connector is made of; {@code testRequest} null for none. */
    record Spec(String baseUrl, int type, Map<String, Object> settings, Map<String, Object> testRequest, List<Var> variables,
            String timezone, String dateFormat) {

        static Spec of(String baseUrl, int type, Map<String, Object> settings, Map<String, Object> testRequest, Var... variables) {
            return new Spec(baseUrl, type, settings, testRequest, List.of(variables), "Europe/London", "Y-m-d H:i:s");
        }

        Spec withVariables(Var... replaced) {
            return new Spec(baseUrl, type, settings, testRequest, List.of(replaced), timezone, dateFormat);
        }
    }

    private final Api api;
    private final Tenant tenant;

    BuiltConnectors(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
    }

    static Map<String, Object> testRequest(String method, String path, int expectStatus) {
        return Map.of("method", method, "path", path, "expect_status", expectStatus);
    }

    long system(String baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Upstream " + UUID.randomUUID().toString().substring(0, 8));
        body.put("label", "Upstream");
        body.put("canonical_key", "upstream_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        body.put("system_type_id", 4);
        body.put("colour", "#112233");
        body.put("version", "1");
        body.put("default_rate_limit_duration", 1000);
        body.put("default_rate_limit_unit", "second");
        body.put("default_date_format", "Y-m-d H:i:s");
        body.put("base_url", baseUrl);
        Response created = api.post("/api/v1/systems", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    long implementation(Spec spec) {
        long system = system(spec.baseUrl());
        Map<String, Object> body = new HashMap<>();
        body.put("system_id", system);
        body.put("authentication_type_id", spec.type());
        body.put("name", "Implementation " + spec.type());
        body.put("settings", spec.settings());
        body.put("test_request", spec.testRequest());
        List<Map<String, Object>> templates = new ArrayList<>();
        for (Var variable : spec.variables()) {
            templates.add(Map.of("key", variable.key(), "label", variable.key(), "secret", variable.secret(),
                    "pivot", Map.of("required", true)));
        }
        body.put("variables", templates);
        Response created = api.post("/api/v1/authentication-implementations", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    Map<String, Object> connectorBody(long implementationId, Spec spec) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (Var variable : spec.variables()) {
            values.add(Map.of("key", variable.key(), "value", variable.value(), "label", variable.key(),
                    "secret", variable.secret()));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Connector " + UUID.randomUUID().toString().substring(0, 8));
        body.put("authentication_implementation_id", implementationId);
        body.put("timezone", spec.timezone());
        body.put("date_format", spec.dateFormat());
        body.put("rate_limit_unit", "second");
        body.put("rate_limit_duration", 1000);
        body.put("variables", values);
        return body;
    }

    /** Creates the connector and answers the API's response, whatever it is. */
    Response create(Spec spec) {
        return api.post("/api/v1/connectors", tenant.apiKey(), connectorBody(implementation(spec), spec));
    }

    /** Creates the connector, which must pass its credential check; answers its id. */
    long connector(Spec spec) {
        return connector(spec, Map.of());
    }

    /** As {@link #connector(Spec)}, with {@code fields} replacing or adding fields of the body. */
    long connector(Spec spec, Map<String, Object> fields) {
        Map<String, Object> body = connectorBody(implementation(spec), spec);
        body.putAll(fields);
        Response created = api.post("/api/v1/connectors", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.at("/data/id").asLong();
    }

    /** The body fields of a rate limit of {@code amount} per {@code unit}, and of a pool when {@code poolId} is not null. */
    static Map<String, Object> limits(int amount, String unit, Long poolId) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("rate_limit_duration", amount);
        fields.put("rate_limit_unit", unit);
        if (poolId != null) {
            fields.put("connection_pool_id", poolId);
        }
        return fields;
    }
}
