package dev.patchbay.support;

import dev.patchbay.catalog.DemoCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the API tests: the whole app on a random port over a real embedded PostgreSQL (one per
 * test run, in a fresh directory), started with configured bootstrap secrets as a script would.
 * Every test makes its own companies, so tests never see each other's data. The test database is
 * thrown away, so it keeps the fast settings (fsync and synchronous commit off); the production
 * default is durable, as ProcessLifecycleTests shows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "patchbay.data-dir=target/test-data/${random.uuid}",
            "patchbay.database.embedded.durable=false",
            "patchbay.bootstrap.admin-email=" + ApiTest.DEMO_ADMIN_EMAIL,
            "patchbay.bootstrap.admin-password=" + ApiTest.DEMO_ADMIN_PASSWORD,
            "patchbay.bootstrap.api-key=" + ApiTest.DEMO_API_KEY,
            "patchbay.bootstrap.platform-api-key=" + ApiTest.PLATFORM_API_KEY,
            // The tests' upstreams listen on 127.0.0.1; every other private or loopback address stays refused.
            "patchbay.outbound.allowed-networks=127.0.0.1/32",
            // The rate limit holds at the system's side when the safety margin covers the jitter between
            // a start and its arrival; on this 2-core machine, shared by the whole suite, that is tens of ms.
            "patchbay.outbound.safety-margin=100ms"
        })
@Import({TestSupportConfig.class, TestData.class, DemoCatalog.class, FakeSystems.class})
public abstract class ApiTest {

    public static final String DEMO_ADMIN_EMAIL = "admin@demo.test";
    public static final String DEMO_ADMIN_PASSWORD = "demo-admin-password";
    public static final String DEMO_API_KEY = "demo-company-test-key-0123456789";
    public static final String PLATFORM_API_KEY = "platform-test-key-0123456789abcdef";

    @LocalServerPort
    private int port;

    @Autowired
    protected TestData data;

    @Autowired
    protected QueryCounter queries;

    protected Api api;

    @BeforeEach
    void connectClient() {
        api = new Api(port);
        data.useApi(api);
    }
}
