package dev.patchbay.outbound.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import dev.patchbay.certificate.CertificateKeys;
import dev.patchbay.certificate.Certificates;
import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.guard.TargetGuard;
import dev.patchbay.outbound.guard.TargetRefusedException;
import dev.patchbay.support.ApiTest;
import dev.patchbay.support.Response;
import dev.patchbay.support.TestCertificates;
import dev.patchbay.support.TestCertificates.Generated;
import dev.patchbay.support.TestData.Tenant;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients inside the running service: the built-in sandbox is reachable on the service's real
 * port and nothing else there is; a certificate uploaded through the API, stored encrypted and opened
 * by {@link Certificates#keys} is the one a mutual-TLS server sees.
 */
class UpstreamClientsApiTests extends ApiTest {

    private static final List<String> LOOPBACK_ALLOWED = List.of("127.0.0.0/8");

    @Autowired
    private Certificates certificates;

    @Autowired
    private UpstreamClients clients;

    @LocalServerPort
    private int port;

    @Test
    void shouldReachTheBuiltInSandboxOnTheServicesRealPortAndNothingElseThere() throws Exception {
        String sandbox = "http://localhost:" + port + "/sandbox/ping";
        try (UpstreamClient upstream = clients.open(URI.create(sandbox), ClientOptions.defaults())) {
            HttpGet ping = new HttpGet(sandbox);
            ping.addHeader("X-Api-Key", "sandbox-demo-key");
            String answer = upstream.execute(ping, r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
            assertThat(answer).startsWith("200 {");
        }
        // The API tests allow 127.0.0.1 for their stub upstreams; any other loopback address of this service is refused.
        String api = "http://127.0.0.2:" + port + "/api/v1/connectors";
        try (UpstreamClient upstream = clients.open(URI.create(api), ClientOptions.defaults())) {
            assertThatThrownBy(() -> upstream.execute(new HttpGet(api), r -> r.getCode()))
                    .isInstanceOf(TargetRefusedException.class)
                    .hasMessageContaining("127.0.0.2")
                    .hasMessageContaining("loopback");
        }
    }

    @TempDir
    Path directory;

    private long upload(Tenant tenant, Map<String, Object> body) {
        Response created = api.post("/api/v1/certificates", tenant.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/data/id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pem", "encrypted-pem", "pkcs12"})
    void shouldPresentAStoredCertificateToAServerThatRequiresIt(String form) throws Exception {
        Generated client = TestCertificates.generate("stored.client.test", "RSA");
        Map<String, Object> body = switch (form) {
            case "pem" -> Map.of("certificate", client.pem());
            case "encrypted-pem" -> Map.of("certificate", client.pemWithEncryptedKey("pem-secret"), "passphrase", "pem-secret");
            default -> Map.of("certificate", client.pkcs12Base64("p12-secret"), "passphrase", "p12-secret");
        };
        Tenant tenant = data.company();
        long id = upload(tenant, body);

        CertificateKeys keys = certificates.keys(tenant.id(), id).orElseThrow();
        assertThat(keys.toString()).doesNotContain("secret");

        Generated serverIdentity = TlsFixtures.serverCertificate();
        HttpsServer server = TlsFixtures.mutualTlsServer(serverIdentity, List.of(client.certificate()));
        Path trusted = Files.writeString(directory.resolve("ca.pem"), TlsFixtures.pem(serverIdentity.certificate()));
        try (UpstreamClients clients = new UpstreamClients(new PatchbayProperties.Outbound(Duration.ofSeconds(5), Duration.ofSeconds(5),
                LOOPBACK_ALLOWED, trusted), TargetGuard.allowing(LOOPBACK_ALLOWED), new SandboxTarget(), HostLookup.SYSTEM)) {
            String uri = "https://127.0.0.1:" + server.getAddress().getPort() + "/hello";
            try (UpstreamClient upstream = clients.open(URI.create(uri), ClientOptions.defaults()
                    .withCertificate(ClientCertificate.of(keys)))) {
                String answer = upstream.execute(new HttpGet(uri), r -> r.getCode() + " " + EntityUtils.toString(r.getEntity()));
                assertThat(answer).isEqualTo("200 hello");
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldNotOpenAnotherCompanysCertificate() {
        Tenant owner = data.company();
        Tenant other = data.company();
        long id = upload(owner, Map.of("certificate", TestCertificates.generate("owned.client.test").pem()));

        assertThat(certificates.keys(other.id(), id)).isEmpty();
        assertThat(certificates.keys(owner.id(), id)).isPresent();
    }
}
