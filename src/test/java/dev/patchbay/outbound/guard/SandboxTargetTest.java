package dev.patchbay.outbound.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxTargetTest {

    private final SandboxTarget sandbox = new SandboxTarget();

    @Test
    void shouldCoverNothingBeforeTheServerHasStarted() {
        assertThat(sandbox.covers(URI.create("http://localhost:8080/sandbox/ping"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8123/sandbox/ping", "http://127.0.0.1:8123/sandbox/orders?since=1",
        "http://[::1]:8123/sandbox/orders/5", "http://LOCALHOST:8123/sandbox/"})
    void shouldCoverTheSandboxOnTheServicesOwnPort(String uri) {
        sandbox.serverStarted(8123);

        assertThat(sandbox.covers(URI.create(uri))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8123/api/v1/connectors", "http://localhost:8123/sandbox", "http://localhost:8124/sandbox/ping",
        "http://localhost/sandbox/ping", "http://10.0.0.1:8123/sandbox/ping", "http://sandbox.example.com:8123/sandbox/ping",
        "http://localhost:8123/sandbox/../api/v1/connectors", "http://localhost:8123/sandbox/%2e%2e/api",
        "http://localhost:8123/sandbox/..;/api", "http://localhost:8123/sandbox/./ping", "ftp://localhost:8123/sandbox/ping"})
    void shouldNotCoverAnythingElseOnTheServicesAddress(String uri) {
        sandbox.serverStarted(8123);

        assertThat(sandbox.covers(URI.create(uri))).isFalse();
    }

    @Test
    void shouldRefuseARequestOutsideTheSandboxWithAClearMessage() {
        sandbox.serverStarted(8123);

        assertThatThrownBy(() -> sandbox.check("http", "localhost", 8123, "/api/v1/connectors"))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("this service's own address; only the built-in sandbox under /sandbox/");
    }
}
