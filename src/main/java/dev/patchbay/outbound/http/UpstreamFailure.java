package dev.patchbay.outbound.http;

import dev.patchbay.outbound.guard.TargetRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Why a call got no answer, in words a person understands ("Could not connect to acme.example.com:443:
 * connection refused"), classified so the caller can pick its status. Built from the client's
 * exception by {@link #of}; the message is always one of our own sentences with the host and port,
 * never the library's text, which may quote a URL with its query.
 */
public record UpstreamFailure(Kind kind, String message) {

    public enum Kind {
        /** Patchbay refused to call the target (the SSRF rule); nothing was sent. */
        REFUSED_TARGET,
        /** The system could not be reached: name not found, connection refused or dropped. */
        UNREACHABLE,
        /** The connection or the answer took longer than allowed. */
        TIMEOUT,
        /** The TLS handshake failed: certificates or protocol. */
        TLS,
        /** The system kept redirecting. */
        TOO_MANY_REDIRECTS
    }

    /**
     * @param target the URI called (only its host and port are used)
     * @param presentedCertificate whether a client certificate was offered, to tell "required" from "not accepted"
     */
    public static UpstreamFailure of(IOException failure, URI target, Duration connectTimeout, Duration readTimeout,
            boolean presentedCertificate) {
        String where = hostAndPort(target);
        if (find(failure, TargetRefusedException.class) instanceof TargetRefusedException refused) {
            return new UpstreamFailure(Kind.REFUSED_TARGET, refused.getMessage());
        }
        if (failure instanceof TooManyRedirectsException) {
            return new UpstreamFailure(Kind.TOO_MANY_REDIRECTS, failure.getMessage());
        }
        if (failure instanceof ConnectTimeoutException) {
            return new UpstreamFailure(Kind.TIMEOUT, "Could not connect to " + where + " within " + human(connectTimeout));
        }
        if (failure instanceof ConnectionRequestTimeoutException) {
            return new UpstreamFailure(Kind.TIMEOUT, "No connection to " + where + " became free within " + human(connectTimeout));
        }
        if (find(failure, SSLException.class) instanceof SSLException tls) {
            return new UpstreamFailure(Kind.TLS, "TLS handshake with " + where + " failed: " + tlsReason(tls, presentedCertificate));
        }
        if (failure instanceof SocketTimeoutException) {
            return new UpstreamFailure(Kind.TIMEOUT, "The system did not answer within " + human(readTimeout));
        }
        if (failure instanceof UnknownHostException) {
            return new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to " + where + ": the host name does not resolve");
        }
        if (failure instanceof NoRouteToHostException) {
            return new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to " + where + ": no route to host");
        }
        if (failure instanceof ConnectException) {
            return new UpstreamFailure(Kind.UNREACHABLE, "Could not connect to " + where + ": connection refused");
        }
        if (failure instanceof NoHttpResponseException) {
            return new UpstreamFailure(Kind.UNREACHABLE, where + " closed the connection without answering");
        }
        return new UpstreamFailure(Kind.UNREACHABLE, "The connection to " + where + " failed before the system answered");
    }

    /** The TLS alert or certificate problem, named; JSSE's own text is matched, never repeated. */
    private static String tlsReason(SSLException tls, boolean presentedCertificate) {
        if (tls instanceof ClientCertificateRequests.Refused) {
            return presentedCertificate ? "the server did not accept the client certificate"
                    : "the server requires a client certificate";
        }
        if (tls instanceof SSLPeerUnverifiedException) {
            return "the server's certificate does not match the host name";
        }
        if (find(tls, CertificateExpiredException.class) != null) {
            return "the server's certificate has expired";
        }
        if (find(tls, CertificateNotYetValidException.class) != null) {
            return "the server's certificate is not valid yet";
        }
        if (find(tls, CertPathBuilderException.class) != null || find(tls, CertPathValidatorException.class) != null) {
            return "the server's certificate is not trusted (add its CA to patchbay.outbound.trusted-certificates)";
        }
        String text = String.valueOf(tls.getMessage()).toLowerCase(Locale.ROOT);
        boolean certificateAlert = text.contains("certificate_required") || text.contains("bad_certificate")
                || text.contains("certificate_unknown") || text.contains("unknown_ca") || text.contains("access_denied");
        if (certificateAlert || (!presentedCertificate && text.contains("handshake_failure"))) {
            return presentedCertificate ? "the server did not accept the client certificate"
                    : "the server requires a client certificate";
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol") || text.contains("cipher")) {
            return "no TLS version or cipher in common with the server";
        }
        return "the secure connection could not be established";
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    static String hostAndPort(URI target) {
        String host = target.getHost() == null ? "the system" : target.getHost();
        int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return host + ":" + port;
    }

    /** "60 s", "300 ms", "1.5 s". */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
