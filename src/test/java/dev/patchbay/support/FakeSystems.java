package dev.patchbay.support;

import dev.patchbay.support.StubUpstream.Answer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * The third-party systems of the tests' catalog, on loopback, so that creating a connector really
 * runs its credential check: a Shopify look-alike that accepts access tokens starting with
 * {@code shpat_} on {@code GET .../shop.json}, under {@code /shopify/<shop>/admin/api/2024-10}.
 */
@TestComponent
public class FakeSystems implements DisposableBean {

    public static final String VALID_TOKEN_PREFIX = "shpat_";

    private final StubUpstream upstream = new StubUpstream();

    public FakeSystems() {
        upstream.on("/shopify/", arrival -> {
            String token = arrival.header("X-Shopify-Access-Token");
            if (token == null || !token.startsWith(VALID_TOKEN_PREFIX)) {
                return Answer.json(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
            }
            if (arrival.path().endsWith("/shop.json")) {
                return Answer.json(200, "{\"shop\":{\"id\":1,\"name\":\"Acme\"}}");
            }
            if (arrival.path().endsWith("/orders.json")) {
                return Answer.json(200, "{\"orders\":[{\"id\":1,\"updated_at\":\"2026-01-31T12:00:00Z\"}]}");
            }
            return Answer.json(404, "{\"errors\":\"Not Found\"}");
        });
    }

    /** The base URL template of the tests' Shopify system. */
    public String shopifyBaseUrl() {
        return upstream.url() + "/shopify/{{shop}}/admin/api/2024-10";
    }

    public StubUpstream upstream() {
        return upstream;
    }

    @Override
    public void destroy() {
        upstream.close();
    }
}
