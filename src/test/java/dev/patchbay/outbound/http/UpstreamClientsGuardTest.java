package dev.patchbay.outbound.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.guard.SandboxTarget;
import dev.patchbay.outbound.guard.TargetGuard;
import dev.patchbay.outbound.guard.TargetRefusedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF rule through the real client: every way of writing a loopback or private address is
 * refused before a connection is made (the loopback servers accept nothing), and the connection
 * goes to exactly the addresses that were checked.
 */
class UpstreamClientsGuardTest {

    private LoopbackServer v4;
    private LoopbackServer v6;
    private UpstreamClients clients;

    @BeforeEach
    void startServers() throws IOException {
        v4 = LoopbackServer.answering("127.0.0.1");
        v6 = LoopbackServer.answering("::1");
    }

    @AfterEach
    void stop() throws IOException {
        if (clients != null) {
            clients.close();
        }
        v4.close();
        v6.close();
    }

    private UpstreamClients clients(List<String> allowedNetworks, HostLookup lookup) {
        clients = new UpstreamClients(new PatchbayProperties.Outbound(Duration.ofSeconds(5), Duration.ofSeconds(5), allowedNetworks,
                null), TargetGuard.allowing(allowedNetworks), new SandboxTarget(), lookup);
        return clients;
    }

    static int get(UpstreamClients clients, String uri) throws IOException {
        try (UpstreamClient client = clients.open(URI.create(uri), ClientOptions.defaults())) {
            return client.execute(new HttpGet(uri), response -> response.getCode());
        }
    }

    private void assertRefusedUnreached(UpstreamClients clients, String uri) {
        assertThatThrownBy(() -> get(clients, uri))
                .as(uri)
                .isInstanceOfSatisfying(TargetRefusedException.class, refused -> assertThat(
                        UpstreamFailure.of(refused, URI.create(uri), Duration.ofSeconds(5), Duration.ofSeconds(5), false).kind())
                        .isEqualTo(UpstreamFailure.Kind.REFUSED_TARGET));
        assertThat(v4.connections()).as("connections to 127.0.0.1").isZero();
        assertThat(v6.connections()).as("connections to ::1").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LocalHost", "2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1",
        "127.1", "127.0.1", "127.0.0.1.", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "0.0.0.0", "0"})
    void shouldRefuseEveryFormOfAnIpv4LoopbackTargetBeforeConnecting(String host) {
        assertRefusedUnreached(clients(List.of(), HostLookup.SYSTEM), "http://" + host + ":" + v4.port() + "/orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[0:0:0:0:0:0:0:1]", "[::]", "[::127.0.0.1]", "[64:ff9b::7f00:1]"})
    void shouldRefuseIpv6LoopbackForms(String host) {
        assertRefusedUnreached(clients(List.of(), HostLookup.SYSTEM), "http://" + host + ":" + v6.port() + "/orders");
    }

    @Test
    void shouldNameTheHostAndTheAddressWhenANameResolvesToAPrivateAddress() {
        UpstreamClients clients = clients(List.of(), host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5})});

        assertThatThrownBy(() -> get(clients, "https://acme.example.com/api/orders?token=s3cret"))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessage("The target acme.example.com resolves to 10.0.0.5, a private address; outbound calls to private, "
                        + "loopback and link-local addresses are refused unless listed in patchbay.outbound.allowed-networks");
    }

    @Test
    void shouldRefuseLocalhostNamedMessage() {
        UpstreamClients clients = clients(List.of(), HostLookup.SYSTEM);

        assertThatThrownBy(() -> get(clients, "http://localhost:" + v4.port() + "/"))
                .hasMessageStartingWith("The target localhost resolves to 127.0.0.1, a loopback address;");
    }

    @Test
    void shouldCallAddressesInAnAllowedNetworkIncludingTheirIpv6FormButNotUnusualNumbers() throws IOException {
        UpstreamClients clients = clients(List.of("127.0.0.0/8"), HostLookup.SYSTEM);

        assertThat(get(clients, "http://127.0.0.1:" + v4.port() + "/a")).isEqualTo(200);
        assertThat(get(clients, "http://localhost:" + v4.port() + "/b")).isEqualTo(200);
        assertThat(get(clients, "http://[::ffff:127.0.0.1]:" + v4.port() + "/c")).isEqualTo(200);
        assertThat(v4.requestLines()).containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1", "GET /c HTTP/1.1");

        assertThatThrownBy(() -> get(clients, "http://2130706433:" + v4.port() + "/d")).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> get(clients, "http://[::1]:" + v6.port() + "/e")).isInstanceOf(TargetRefusedException.class);
        assertThat(v4.connections()).isEqualTo(3);
        assertThat(v6.connections()).isZero();
    }

    @Test
    void shouldCallIpv6LoopbackWhenItsBlockIsAllowed() throws IOException {
        UpstreamClients clients = clients(List.of("::1/128"), HostLookup.SYSTEM);

        assertThat(get(clients, "http://[::1]:" + v6.port() + "/v6")).isEqualTo(200);
        assertThatThrownBy(() -> get(clients, "http://127.0.0.1:" + v4.port() + "/v4")).isInstanceOf(TargetRefusedException.class);
        assertThat(v6.requestLines()).containsExactly("GET /v6 HTTP/1.1");
        assertThat(v4.connections()).isZero();
    }

    /**
     * DNS rebinding: 127.0.0.1 plays the checked public answer (it is the only allowed block) and
     * 127.0.0.2, on the same port, the private address a second answer points to.
     */
    @Test
    void shouldConnectToTheCheckedAnswerWhenTheNameIsRebound() throws IOException {
        try (LoopbackServer internal = LoopbackServer.answering("127.0.0.2", v4.port())) {
            AtomicInteger lookups = new AtomicInteger();
            UpstreamClients clients = clients(List.of("127.0.0.1/32"), host -> new InetAddress[] {InetAddress.getByAddress(host,
                    lookups.incrementAndGet() == 1 ? new byte[] {127, 0, 0, 1} : new byte[] {127, 0, 0, 2})});
            String uri = "http://rebind.example.test:" + v4.port() + "/orders";

            assertThat(get(clients, uri)).isEqualTo(200);
            assertThat(lookups.get()).as("one lookup per connection: nothing to change between check and connect").isEqualTo(1);
            assertThat(v4.connections()).isEqualTo(1);

            assertThatThrownBy(() -> get(clients, uri))
                    .isInstanceOf(TargetRefusedException.class)
                    .hasMessageContaining("rebind.example.test resolves to 127.0.0.2, a loopback address");
            assertThat(internal.connections()).isZero();
        }
    }

    @Test
    void shouldConnectOnlyToThePermittedAddressesOfAMixedAnswer() throws IOException {
        try (LoopbackServer internal = LoopbackServer.answering("127.0.0.2", v4.port())) {
            UpstreamClients clients = clients(List.of("127.0.0.1/32"), host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}), InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});

            assertThat(get(clients, "http://mixed.example.test:" + v4.port() + "/")).isEqualTo(200);
            assertThat(v4.connections()).isEqualTo(1);
            assertThat(internal.connections()).isZero();
        }
    }
}
