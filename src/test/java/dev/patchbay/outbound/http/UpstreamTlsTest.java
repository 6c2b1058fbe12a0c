package dev.patchbay.outbound.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsServer;
import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.guard.TargetGuard;
import dev.patchbay.outbound.http.UpstreamFailure.Kind;
import dev.patchbay.support.TestCertificates;
import dev.patchbay.support.TestCertificates.Generated;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS against a loopback HTTPS server that requires a client certificate, with every
 * certificate made in the test; the server's own self-signed certificate is trusted through
 * {@code patchbay.outbound.trusted-certificates}.
 */
class UpstreamTlsTest {

    private static final List<String> LOOPBACK_ALLOWED = List.of("127.0.0.0/8");

    private static Generated serverIdentity;
    private static Generated client;
    private static Generated stranger;
    private static HttpsServer server;
    private static String uri;

    @TempDir
    Path directory;

    private UpstreamClients clients;

    @BeforeAll
    static void startServer() throws Exception {
        serverIdentity = TlsFixtures.serverCertificate();
        client = TestCertificates.generate("mtls.client.test", "EC");
        stranger = TestCertificates.generate("stranger.client.test", "EC");
        server = TlsFixtures.mutualTlsServer(serverIdentity, List.of(client.certificate()));
        uri = "https://127.0.0.1:" + server.getAddress().getPort() + "/hello";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @AfterEach
    void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    private UpstreamClients clients(boolean trustServer) throws Exception {
        Path trusted = null;
        if (trustServer) {
            trusted = directory.resolve("trusted.pem");
            Files.writeString(trusted, TlsFixtures.pem(serverIdentity.certificate()));
        }
        clients = new UpstreamClients(new PatchbayProperties.Outbound(Duration.ofSeconds(5), Duration.ofSeconds(5), LOOPBACK_ALLOWED,
                trusted), TargetGuard.allowing(LOOPBACK_ALLOWED), new SandboxTarget(), HostLookup.SYSTEM);
        return clients;
    }

    private static ClientCertificate certificate(Generated identity) throws Exception {
        return new ClientCertificate(1, Instant.parse("2026-01-01T00:00:00Z"), TlsFixtures.keyStore(identity), TlsFixtures.PASSWORD);
    }

    private static String call(UpstreamClients clients, ClientOptions options) throws IOException {
        try (UpstreamClient upstream = clients.open(URI.create(uri), options)) {
            return upstream.execute(new HttpGet(uri), response -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
        }
    }

    private static UpstreamFailure failure(UpstreamClients clients, ClientOptions options) {
        try (UpstreamClient upstream = clients.open(URI.create(uri), options)) {
            upstream.execute(new HttpGet(uri), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException e) {
            return UpstreamFailure.of(e, URI.create(uri), Duration.ofSeconds(5), Duration.ofSeconds(5), options.certificate() != null);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void shouldPresentTheClientCertificateToAServerThatRequiresOne() throws Exception {
        assertThat(call(clients(true), ClientOptions.defaults().withCertificate(certificate(client)))).isEqualTo("200 hello");
    }

    @Test
    void shouldSayTheServerRequiresAClientCertificateWhenNoneIsConfigured() throws Exception {
        UpstreamFailure failure = failure(clients(true), ClientOptions.defaults());

        assertThat(failure).isEqualTo(new UpstreamFailure(Kind.TLS, "TLS handshake with 127.0.0.1:" + server.getAddress().getPort()
                + " failed: the server requires a client certificate"));
    }

    @Test
    void shouldSayTheServerDidNotAcceptAnUnknownClientCertificate() throws Exception {
        UpstreamFailure failure = failure(clients(true), ClientOptions.defaults().withCertificate(certificate(stranger)));

        assertThat(failure.kind()).isEqualTo(Kind.TLS);
        assertThat(failure.message()).endsWith("failed: the server did not accept the client certificate");
    }

    @Test
    void shouldNotTrustASelfSignedServerUnlessItIsInTheTrustedCertificatesFile() throws Exception {
        UpstreamFailure failure = failure(clients(false), ClientOptions.defaults().withCertificate(certificate(client)));

        assertThat(failure).isEqualTo(new UpstreamFailure(Kind.TLS, "TLS handshake with 127.0.0.1:" + server.getAddress().getPort()
                + " failed: the server's certificate is not trusted (add its CA to patchbay.outbound.trusted-certificates)"));
    }

    @Test
    void shouldRefuseToStartWithATrustedCertificatesFileThatHoldsNoCertificate() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> new UpstreamClients(new PatchbayProperties.Outbound(Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(), empty), TargetGuard.allowing(List.of()), new SandboxTarget(), HostLookup.SYSTEM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("patchbay.outbound.trusted-certificates: " + empty);
    }
}
