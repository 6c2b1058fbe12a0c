package dev.patchbay.outbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.outbound.http.UpstreamFailure.Kind;
import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamFailureTest {

    private static final URI TARGET = URI.create("https://user:pa55@acme.example.com/orders?token=s3cret");

    private static UpstreamFailure of(IOException e, boolean presented) {
        return UpstreamFailure.of(e, TARGET, Duration.ofSeconds(10), Duration.ofSeconds(60), presented);
    }

    @Test
    void shouldNameHostPortAndTheConfiguredTimeoutsButNeverTheLibrarysText() {
        assertThat(of(new ConnectTimeoutException("Connect to https://acme.example.com/orders?token=s3cret timed out"), false))
                .isEqualTo(new UpstreamFailure(Kind.TIMEOUT, "Could not connect to acme.example.com:443 within 10 s"));
        assertThat(of(new SocketTimeoutException("Read timed out"), false))
                .isEqualTo(new UpstreamFailure(Kind.TIMEOUT, "The system did not answer within 60 s"));
        assertThat(of(new NoRouteToHostException("x"), false))
                .isEqualTo(new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to acme.example.com:443: no route to host"));
        assertThat(of(new NoHttpResponseException("The target server failed to respond"), false))
                .isEqualTo(new UpstreamFailure(Kind.UNREACHABLE, "acme.example.com:443 closed the connection without answering"));
        assertThat(of(new IOException("token=s3cret"), false).message()).doesNotContain("s3cret").doesNotContain("pa55");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Received fatal alert: certificate_required | false | the server requires a client certificate",
        "Received fatal alert: bad_certificate | false | the server requires a client certificate",
        "Received fatal alert: handshake_failure | false | the server requires a client certificate",
        "Received fatal alert: bad_certificate | true | the server did not accept the client certificate",
        "Received fatal alert: unknown_ca | true | the server did not accept the client certificate",
        "Received fatal alert: protocol_version | false | no TLS version or cipher in common with the server",
        "something else | false | the secure connection could not be established",
    })
    void shouldNameTheTlsAlert(String alert, boolean presented, String reason) {
        assertThat(of(new SSLHandshakeException(alert), presented))
                .isEqualTo(new UpstreamFailure(Kind.TLS, "TLS handshake with acme.example.com:443 failed: " + reason));
    }

    @Test
    void shouldNameServerCertificateProblems() {
        SSLHandshakeException expired = new SSLHandshakeException("PKIX");
        expired.initCause(new CertificateExpiredException("NotAfter: ..."));

        assertThat(of(expired, false).message()).endsWith("failed: the server's certificate has expired");
        assertThat(of(new SSLPeerUnverifiedException("Certificate for <acme.example.com> doesn't match"), false).message())
                .endsWith("failed: the server's certificate does not match the host name");
    }

    @ParameterizedTest
    @CsvSource({"PT0.3S, 300 ms", "PT60S, 60 s", "PT1.5S, 1.5 s", "PT2M, 120 s"})
    void shouldWriteDurationsForPeople(Duration duration, String words) {
        assertThat(UpstreamFailure.human(duration)).isEqualTo(words);
    }
}
