package dev.patchbay.outbound;

import dev.patchbay.outbound.http.ClientCertificate;
import dev.patchbay.outbound.http.ClientOptions;
import dev.patchbay.outbound.http.RedirectPolicy;
import dev.patchbay.outbound.http.UpstreamClient;
import dev.patchbay.outbound.http.UpstreamClients;
import dev.patchbay.outbound.http.UpstreamFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.springframework.stereotype.Component;

/** {@link Transport} over the guarded Apache HttpClient clients of {@code outbound.http}. */
@Component
class HttpTransport implements Transport {

    private final UpstreamClients clients;
    private final ClientCertificates certificates;

    HttpTransport(UpstreamClients clients, ClientCertificates certificates) {
        this.clients = clients;
        this.certificates = certificates;
    }

    @Override
    public BufferedResponse exchange(OutgoingRequest request, Instance instance, int maxBody, Runnable beforeSend) {
        Runnable once = once(beforeSend);
        ClientOptions options = options(instance);
        RedirectPolicy.Hop hop = RedirectPolicy.Hop.first(request.method(), request.uri());
        long started = System.nanoTime();
        while (true) {
            URI target = hop.uri();
            try (UpstreamClient client = clients.open(target, options);
                    ClassicHttpResponse response = client.execute(toApache(request, target), once)) {
                Optional<RedirectPolicy.Hop> next = RedirectPolicy.next(hop, response);
                if (next.isEmpty()) {
                    return buffered(response, maxBody, started);
                }
                hop = next.get();
                request.redirectTo(hop.method(), hop.uri());
                if (!hop.keepsBody()) {
                    request.body(null);
                }
                if (hop.crossesOrigin()) {
                    request.headers().removeIf(Param::sensitive); // credentials are for the first origin only
                    request.removeHeader("Authorization");
                }
            } catch (IOException e) {
                throw failure(e, target, options);
            }
        }
    }

    @Override
    public StreamedResponse open(OutgoingRequest request, Instance instance, Runnable beforeSend) {
        ClientOptions options = options(instance);
        URI target = request.uri();
        long started = System.nanoTime();
        UpstreamClient client = clients.open(target, options);
        try {
            ClassicHttpResponse response = client.execute(toApache(request, target), beforeSend);
            return new Streamed(client, response, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            client.close();
            throw failure(e, target, options);
        }
    }

    /** The hook at most once, whatever the number of redirect hops. */
    private static Runnable once(Runnable hook) {
        if (hook == null) {
            return null;
        }
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (ran.compareAndSet(false, true)) {
                hook.run();
            }
        };
    }

    private ClientOptions options(Instance instance) {
        ClientCertificate certificate = instance.certificateId() == null ? null
                : certificates.forCall(instance.companyId(), instance.certificateId());
        return new ClientOptions(instance.connectTimeout(), instance.readTimeout(), certificate);
    }

    private static ClassicHttpRequest toApache(OutgoingRequest request, URI target) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(target);
        request.headers().forEach(h -> builder.addHeader(h.name(), h.value()));
        OutgoingRequest.Body body = request.body();
        if (body instanceof OutgoingRequest.FormBody form) {
            builder.setEntity(new ByteArrayEntity(form.encoded().getBytes(StandardCharsets.UTF_8),
                    ContentType.APPLICATION_FORM_URLENCODED));
        } else if (body instanceof OutgoingRequest.BytesBody bytes) {
            builder.setEntity(new ByteArrayEntity(bytes.bytes(), contentType(bytes.contentType())));
        } else if (body instanceof OutgoingRequest.StreamBody stream) {
            builder.setEntity(new InputStreamEntity(stream.stream(), stream.length(), contentType(stream.contentType())));
        }
        return builder.build();
    }

    private static ContentType contentType(String value) {
        try {
            return value == null ? null : ContentType.parse(value);
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    private static BufferedResponse buffered(ClassicHttpResponse response, int maxBody, long started) throws IOException {
        HttpEntity entity = response.getEntity();
        String body = null;
        boolean truncated = false;
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    int room = maxBody - out.size();
                    if (n > room) {
                        out.write(buffer, 0, Math.max(room, 0));
                        truncated = true;
                        break; // the rest is not read: closing the response drops the connection
                    }
                    out.write(buffer, 0, n);
                }
                body = out.toString(charset(entity));
            }
        }
        return new BufferedResponse(response.getCode(), headers(response.getHeaders()), body, truncated,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parse(entity.getContentType());
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException unparsable) {
            return StandardCharsets.UTF_8;
        }
    }

    static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Header header : headers) {
            out.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
        }
        return out;
    }

    private static OutboundFailure failure(IOException e, URI target, ClientOptions options) {
        UpstreamFailure failure = UpstreamFailure.of(e, target, options.connectTimeout(), options.readTimeout(),
                options.certificate() != null);
        OutboundFailure.Kind kind = switch (failure.kind()) {
            case REFUSED_TARGET -> OutboundFailure.Kind.TARGET_REFUSED;
            case TIMEOUT -> OutboundFailure.Kind.TIMEOUT;
            case TLS -> OutboundFailure.Kind.TLS;
            case UNREACHABLE, TOO_MANY_REDIRECTS -> OutboundFailure.Kind.UNREACHABLE;
        };
        return new OutboundFailure(kind, failure.message(), null);
    }

    /** A response being streamed; closing it returns the connection and the client lease. */
    private static final class Streamed implements StreamedResponse {
        private final UpstreamClient client;
        private final ClassicHttpResponse response;
        private final long durationMs;

        Streamed(UpstreamClient client, ClassicHttpResponse response, long durationMs) {
            this.client = client;
            this.response = response;
            this.durationMs = durationMs;
        }

        @Override
        public int status() {
            return response.getCode();
        }

        @Override
        public Map<String, List<String>> headers() {
            return HttpTransport.headers(response.getHeaders());
        }

        @Override
        public InputStream body() {
            try {
                return response.getEntity() == null ? null : response.getEntity().getContent();
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public long durationMs() {
            return durationMs;
        }

        @Override
        public void close() throws IOException {
            try {
                response.close();
            } finally {
                client.close();
            }
        }
    }
}
