package dev.patchbay.outbound.http;

import static dev.patchbay.outbound.http.UpstreamClientsGuardTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.guard.TargetGuard;
import dev.patchbay.outbound.guard.TargetRefusedException;
import dev.patchbay.outbound.http.UpstreamFailure.Kind;
import dev.patchbay.support.TestCertificates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timeouts, unreachable systems, the sandbox's own client and the client cache, against loopback servers. */
class UpstreamClientsTest {

    private static final List<String> LOOPBACK_ALLOWED = List.of("127.0.0.0/8");

    private LoopbackServer server;
    private SandboxTarget sandbox;
    private UpstreamClients clients;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.answering("127.0.0.1");
        sandbox = new SandboxTarget();
    }

    @AfterEach
    void stop() throws IOException {
        if (clients != null) {
            clients.close();
        }
        server.close();
    }

    private UpstreamClients clients(List<String> allowed, HostLookup lookup) {
        clients = new UpstreamClients(new PatchbayProperties.Outbound(Duration.ofSeconds(10), Duration.ofSeconds(60), allowed, null),
                TargetGuard.allowing(allowed), sandbox, lookup);
        return clients;
    }

    private static UpstreamFailure failureOf(UpstreamClients clients, String uri, ClientOptions options) {
        try (UpstreamClient client = clients.open(URI.create(uri), options)) {
            try {
                client.execute(new HttpGet(uri), response -> response.getCode());
            } catch (IOException e) {
                return client.failure(e, URI.create(uri));
            }
        }
        throw new AssertionError("the call to " + uri + " succeeded");
    }

    @Test
    void shouldReportTheReadTimeoutWhenTheSystemNeverAnswers() throws IOException {
        try (LoopbackServer silent = LoopbackServer.silent("127.0.0.1")) {
            String uri = "http://127.0.0.1:" + silent.port() + "/slow";

            UpstreamFailure failure = failureOf(clients(LOOPBACK_ALLOWED, HostLookup.SYSTEM), uri,
                    ClientOptions.defaults().withTimeouts(null, Duration.ofMillis(300)));

            assertThat(failure).isEqualTo(new UpstreamFailure(Kind.TIMEOUT, "The system did not answer within 300 ms"));
            assertThat(silent.requestLines()).containsExactly("GET /slow HTTP/1.1");
        }
    }

    @Test
    void shouldReportARefusedConnectionAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + closedPort + "/";

        assertThat(failureOf(clients(LOOPBACK_ALLOWED, HostLookup.SYSTEM), uri, ClientOptions.defaults()))
                .isEqualTo(new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to 127.0.0.1:" + closedPort + ": connection refused"));
    }

    @Test
    void shouldReportANameThatDoesNotResolveAsUnreachable() {
        UpstreamClients clients = clients(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        assertThat(failureOf(clients, "https://nowhere.example.test/x", ClientOptions.defaults()))
                .isEqualTo(new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to nowhere.example.test:443: the host name does not resolve"));
    }

    @Test
    void shouldReportARefusedTargetWithTheGuardsMessage() {
        UpstreamFailure failure = failureOf(clients(List.of(), HostLookup.SYSTEM), "http://127.0.0.1:" + server.port() + "/",
                ClientOptions.defaults());

        assertThat(failure.kind()).isEqualTo(Kind.REFUSED_TARGET);
        assertThat(failure.message()).startsWith("The target 127.0.0.1 resolves to 127.0.0.1, a loopback address;");
        assertThat(server.connections()).isZero();
    }

    @Test
    void shouldReachTheSandboxOnTheServicesOwnPortOnly() throws IOException {
        sandbox.serverStarted(server.port());
        UpstreamClients clients = clients(List.of(), HostLookup.SYSTEM);

        assertThat(get(clients, "http://localhost:" + server.port() + "/sandbox/ping")).isEqualTo(200);
        assertThat(get(clients, "http://127.0.0.1:" + server.port() + "/sandbox/orders?since=1")).isEqualTo(200);
        assertThat(server.requestLines()).containsExactly("GET /sandbox/ping HTTP/1.1", "GET /sandbox/orders?since=1 HTTP/1.1");

        for (String other : List.of("/api/v1/connectors", "/sandbox", "/sandbox/../api/v1/connectors", "/sandbox/%2e%2e/api")) {
            assertThatThrownBy(() -> get(clients, "http://localhost:" + server.port() + other)).as(other)
                    .isInstanceOf(TargetRefusedException.class);
        }
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shouldNotLetTheSandboxClientCallAnythingButTheSandbox() throws IOException {
        try (LoopbackServer other = LoopbackServer.answering("127.0.0.1")) {
            sandbox.serverStarted(server.port());
            UpstreamClients clients = clients(List.of(), HostLookup.SYSTEM);

            try (UpstreamClient client = clients.open(URI.create("http://localhost:" + server.port() + "/sandbox/ping"), ClientOptions.defaults())) {
                for (String uri : List.of("http://localhost:" + server.port() + "/api/v1/connectors",
                        "http://localhost:" + other.port() + "/sandbox/ping", "http://acme.example.com:" + server.port() + "/sandbox/ping")) {
                    assertThatThrownBy(() -> client.execute(new HttpGet(uri), response -> response.getCode())).as(uri)
                            .isInstanceOf(TargetRefusedException.class);
                }
            }
            assertThat(server.connections()).isZero();
            assertThat(other.connections()).isZero();
        }
    }

    @Test
    void shouldReuseOneClientPerCertificateVersionAndTimeouts() throws Exception {
        UpstreamClients clients = clients(LOOPBACK_ALLOWED, HostLookup.SYSTEM);
        URI target = URI.create("https://api.example.test/");
        var generated = TestCertificates.generate("cache.client.test", "EC");
        ClientCertificate v1 = new ClientCertificate(7, Instant.parse("2026-01-01T00:00:00Z"), TlsFixtures.keyStore(generated),
                TlsFixtures.PASSWORD);
        ClientCertificate v2 = new ClientCertificate(7, Instant.parse("2026-02-01T00:00:00Z"), TlsFixtures.keyStore(generated),
                TlsFixtures.PASSWORD);

        clients.open(target, ClientOptions.defaults()).close();
        clients.open(target, ClientOptions.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))).close();
        assertThat(clients.cachedClients()).as("explicit defaults share the default client").isEqualTo(1);

        clients.open(target, ClientOptions.defaults().withTimeouts(null, Duration.ofSeconds(5))).close();
        clients.open(target, ClientOptions.defaults().withCertificate(v1)).close();
        clients.open(target, ClientOptions.defaults().withCertificate(v1)).close();
        assertThat(clients.cachedClients()).isEqualTo(3);

        clients.open(target, ClientOptions.defaults().withCertificate(v2)).close();
        assertThat(clients.cachedClients()).as("a changed certificate retires its old client").isEqualTo(3);

        for (int i = 1; i <= UpstreamClients.MAX_CLIENTS + 10; i++) {
            clients.open(target, ClientOptions.defaults().withTimeouts(null, Duration.ofMillis(1000 + i))).close();
        }
        assertThat(clients.cachedClients()).isEqualTo(UpstreamClients.MAX_CLIENTS);
    }

    @Test
    void shouldKeepALeasedClientWorkingWhileTheCacheRetiresIt() throws IOException {
        UpstreamClients clients = clients(LOOPBACK_ALLOWED, HostLookup.SYSTEM);
        String uri = "http://127.0.0.1:" + server.port() + "/still-open";

        try (UpstreamClient leased = clients.open(URI.create(uri), ClientOptions.defaults().withTimeouts(null, Duration.ofSeconds(3)))) {
            for (int i = 1; i <= UpstreamClients.MAX_CLIENTS + 1; i++) {
                clients.open(URI.create(uri), ClientOptions.defaults().withTimeouts(null, Duration.ofMillis(1000 + i))).close();
            }
            Integer status = leased.execute(new HttpGet(uri), response -> response.getCode());
            assertThat(status).isEqualTo(200);
        }
    }
}
