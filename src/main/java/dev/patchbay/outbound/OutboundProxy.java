package dev.patchbay.outbound;

import dev.patchbay.outbound.render.Rendered;
import dev.patchbay.outbound.render.RequestSpec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Passes a caller's request through a connector and the system's answer back, without holding either
 * body in memory. Patchbay's own failures (a refused target, no answer) are exceptions, rendered with
 * a {@code Patchbay-Error} header; a redirect is the system's answer and goes back unchanged.
 */
@Service
class OutboundProxy {

    /** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Request headers that are the caller's business with Patchbay, not the system's. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "authorization", "content-length", "expect", "cookie");

    private final OutboundGateway gateway;
    private final RecentInstances instances;

    OutboundProxy(OutboundGateway gateway, RecentInstances instances) {
        this.gateway = gateway;
        this.instances = instances;
    }

    void pass(long companyId, long connectorId, Integer waitSeconds, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Instance instance = instances.instance(companyId, connectorId);
        String path = pathAfterProxy(request);
        List<Param> headers = forwardedHeaders(request);
        OutgoingRequest.Body body = hasBody(request) ? new OutgoingRequest.StreamBody(request.getInputStream(),
                request.getContentLengthLong(), null) : null;
        try (Transport.StreamedResponse answer = gateway.open(instance, gateway.waitBound(waitSeconds), templates -> RequestSpec.relative(request.getMethod(),
                new Rendered(path, false), List.of(), headers, body).withRawQuery(request.getQueryString()))) {
            response.setStatus(answer.status());
            Set<String> dropped = connectionHeaders(answer.headers().getOrDefault("Connection", List.of()));
            answer.headers().forEach((name, values) -> {
                if (!dropped.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> response.addHeader(name, value));
                }
            });
            InputStream in = answer.body();
            if (in != null) {
                OutputStream out = response.getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                    if (in.available() == 0) {
                        out.flush(); // a slow stream reaches the caller as it comes
                    }
                }
            }
        }
    }

    /** The part of the request path after {@code /proxy}, still percent-encoded as the caller sent it. */
    static String pathAfterProxy(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int at = uri.indexOf("/proxy");
        String rest = at < 0 ? "" : uri.substring(at + "/proxy".length());
        return rest.isEmpty() ? "/" : rest;
    }

    private static List<Param> forwardedHeaders(HttpServletRequest request) {
        Set<String> dropped = connectionHeaders(Collections.list(request.getHeaders("Connection")));
        dropped.addAll(NOT_FORWARDED);
        List<Param> headers = new ArrayList<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!dropped.contains(name.toLowerCase(Locale.ROOT))) {
                Collections.list(request.getHeaders(name)).forEach(value -> headers.add(Param.plain(name, value)));
            }
        }
        return headers;
    }

    /** The hop-by-hop headers, plus any that a {@code Connection} header names. */
    private static Set<String> connectionHeaders(List<String> connection) {
        Set<String> names = new HashSet<>(HOP_BY_HOP);
        for (String value : connection) {
            for (String token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
