package dev.patchbay.outbound;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.outbound.auth.AuthContext;
import dev.patchbay.outbound.auth.Authentication;
import dev.patchbay.outbound.auth.Authentications;
import dev.patchbay.outbound.limit.UpstreamPause;
import dev.patchbay.outbound.render.RequestRenderer;
import dev.patchbay.outbound.render.RequestSpec;
import dev.patchbay.outbound.render.Templates;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The outbound engine's public face: every call to a system goes through {@link #send}. It renders
 * the request, authenticates it (renewing a token once after a 401), and returns what was sent and
 * what came back with secrets masked.
 */
@Service
public class OutboundGateway {

    /** How much of a response body a record keeps; the rest is cut and flagged. */
    static final int RECORDED_BODY_LIMIT = 1024 * 1024;

    /** Methods that may be sent again after a 429 or 503 without asking (RFC 9110 §9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final InstanceReader instances;
    private final Authentications authentications;
    private final Transport transport;
    private final BuiltIns builtIns;
    private final Admission admission;
    private final UpstreamPause pause;
    private final PatchbayProperties.Outbound outbound;

    OutboundGateway(InstanceReader instances, Authentications authentications, Transport transport, BuiltIns builtIns,
            Admission admission, UpstreamPause pause, PatchbayProperties properties) {
        this.instances = instances;
        this.authentications = authentications;
        this.transport = transport;
        this.builtIns = builtIns;
        this.admission = admission;
        this.pause = pause;
        this.outbound = properties.outbound();
    }

    /** The wait a caller asked for with {@code Prefer: wait=<seconds>}, within {@code patchbay.outbound.max-wait}. */
    public Duration waitBound(Integer askedSeconds) {
        Duration asked = askedSeconds == null ? outbound.defaultWait() : Duration.ofSeconds(Math.max(0, askedSeconds));
        return asked.compareTo(outbound.maxWait()) > 0 ? outbound.maxWait() : asked;
    }

    /** The connector's settings and credentials, for a caller that sends through it. */
    public Instance instance(long companyId, long connectorId) {
        return instances.connector(companyId, connectorId);
    }

    public Instance draft(long companyId, ConnectorDraft draft) {
        return instances.draft(companyId, draft);
    }

    /** An answer and how long the request waited for its pool and rate limit. */
    public record Delivered(Exchange exchange, long queuedMs) {}

    /** {@link #deliver} with the default wait and no Idempotency-Key: the credential check's way. */
    public Exchange send(Instance instance, Function<Templates, RequestSpec> spec) {
        return deliver(instance, outbound.defaultWait(), false, spec).exchange();
    }

    /**
     * Sends a request built by {@code spec} from the call's templates under the connector's pool and
     * rate limit, and answers the exchange when the system answered, whatever its status. A 401 renews
     * the credentials once; a 429 or 503 with {@code Retry-After} pauses the whole instance and, for an
     * idempotent request (or one with an {@code Idempotency-Key}), tries again after the pause, at most
     * {@code patchbay.outbound.max-attempts} times in all.
     *
     * @param maxWait how long the request may wait for its pool slot and rate-limit start
     * @throws OutboundFailure when the request could not be built, was refused or got no answer
     * @throws dev.patchbay.outbound.limit.RateLimitedException when it cannot start within {@code maxWait}
     * @throws dev.patchbay.outbound.limit.PoolTimeoutException when no pool slot frees in time
     */
    public Delivered deliver(Instance instance, Duration maxWait, boolean idempotencyKey,
            Function<Templates, RequestSpec> spec) {
        Call call = new Call(instance);
        Authentication authentication = authentications.of(instance.authenticationType());
        long queued = 0;
        boolean renewed = false;
        try {
            for (int attempt = 1; ; attempt++) {
                // Credentials first (a token request may take a while): nothing may come between a
                // counted start and the send.
                OutgoingRequest request = authenticated(call, authentication, spec);
                BufferedResponse response;
                try (Admission.Pass pass = admission.admit(instance, maxWait)) {
                    response = transport.exchange(request, instance, RECORDED_BODY_LIMIT, pass::sending);
                    pass.answered();
                    queued += pass.queuedMs();
                }
                if (response.status() == 401 && !renewed && authentication.renew(call)) {
                    renewed = true;
                    continue;
                }
                boolean paused = instance.connectorId() != null && pause.onResponse(Admission.key(instance),
                        response.status(), first(response.headers(), "Retry-After")).isPresent();
                boolean retryable = idempotencyKey || IDEMPOTENT.contains(request.method());
                if (paused && retryable && attempt < outbound.maxAttempts()) {
                    continue;
                }
                return new Delivered(call.show(request, response), queued);
            }
        } catch (Templates.TemplateException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, call.redaction().apply(e.getMessage()), null);
        } catch (OutboundFailure e) {
            throw call.shown(e, call.lastRequest);
        }
    }

    /**
     * Sends once and hands back the answer unread, for the proxy; the pool slot is held until the
     * answer is closed. A 401 is retried with renewed credentials only when the request has no body,
     * since a streamed body cannot be sent twice.
     */
    Transport.StreamedResponse open(Instance instance, Duration maxWait, Function<Templates, RequestSpec> spec) {
        Call call = new Call(instance);
        Authentication authentication = authentications.of(instance.authenticationType());
        try {
            OutgoingRequest request = authenticated(call, authentication, spec);
            Transport.StreamedResponse response = admitted(instance, maxWait, request);
            if (response.status() == 401 && request.body() == null && authentication.renew(call)) {
                closeQuietly(response);
                response = admitted(instance, maxWait, authenticated(call, authentication, spec));
            }
            if (instance.connectorId() != null) {
                pause.onResponse(Admission.key(instance), response.status(), first(response.headers(), "Retry-After"));
            }
            return response;
        } catch (Templates.TemplateException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, call.redaction().apply(e.getMessage()), null);
        } catch (OutboundFailure e) {
            throw call.shown(e, call.lastRequest);
        }
    }

    private Transport.StreamedResponse admitted(Instance instance, Duration maxWait, OutgoingRequest request) {
        Admission.Pass pass = admission.admit(instance, maxWait);
        try {
            Transport.StreamedResponse response = transport.open(request, instance, pass::sending);
            pass.answered();
            return new HeldResponse(response, pass);
        } catch (RuntimeException e) {
            pass.close();
            throw e;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** A streamed answer that frees its pool slot when it is closed. */
    private record HeldResponse(Transport.StreamedResponse response, Admission.Pass pass) implements Transport.StreamedResponse {
        @Override
        public int status() {
            return response.status();
        }

        @Override
        public Map<String, List<String>> headers() {
            return response.headers();
        }

        @Override
        public java.io.InputStream body() {
            return response.body();
        }

        @Override
        public long durationMs() {
            return response.durationMs();
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                response.close();
            } finally {
                pass.close();
            }
        }
    }

    /**
     * Runs {@code work} with a call's context for the instance: what an authentication flow outside a
     * request needs (the OAuth 2 code exchange), with the same templates, transport and masking.
     */
    public <T> T withContext(Instance instance, Function<AuthContext, T> work) {
        Call call = new Call(instance);
        try {
            return work.apply(call);
        } catch (Templates.TemplateException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, call.redaction().apply(e.getMessage()), null);
        } catch (OutboundFailure e) {
            throw call.shown(e, null);
        }
    }

    private static void closeQuietly(Transport.StreamedResponse response) {
        try {
            response.close();
        } catch (java.io.IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static OutgoingRequest authenticated(Call call, Authentication authentication, Function<Templates, RequestSpec> spec) {
        authentication.prepare(call);
        OutgoingRequest request = RequestRenderer.build(call.instance(), call.templates(), spec.apply(call.templates()));
        authentication.apply(request, call);
        call.lastRequest = request;
        return request;
    }

    /** One call's state: the templates with its built-in values, what must be masked, tokens obtained. */
    private final class Call implements AuthContext {

        private final Instance instance;
        private final Redaction redaction;
        private final Map<String, String> provided = new HashMap<>();
        private final Templates templates;
        private OutgoingRequest lastRequest;

        Call(Instance instance) {
            this.instance = instance;
            this.redaction = new Redaction(instance.secretValues());
            this.templates = new Templates(instance.values(), instance.secretKeys(),
                    name -> builtIns.value(name, instance, provided));
        }

        @Override
        public Instance instance() {
            return instance;
        }

        @Override
        public Templates templates() {
            return templates;
        }

        @Override
        public Redaction redaction() {
            return redaction;
        }

        @Override
        public void provide(String placeholder, String value) {
            if (value == null) {
                provided.remove(placeholder);
            } else {
                provided.put(placeholder, value);
            }
        }

        @Override
        public Optional<String> provided(String placeholder) {
            return Optional.ofNullable(provided.get(placeholder));
        }

        @Override
        public BufferedResponse send(OutgoingRequest request) {
            try {
                return transport.exchange(request, instance, RECORDED_BODY_LIMIT, null); // a token request is not the system's API
            } catch (OutboundFailure e) {
                throw shown(e, request);
            }
        }

        /** The failure with its message masked and, when it has none yet, the request that failed. */
        OutboundFailure shown(OutboundFailure failure, OutgoingRequest request) {
            OutboundFailure masked = failure.withMessage(redaction.apply(failure.getMessage()));
            return masked.exchange() == null && request != null ? masked.withExchange(show(request, null)) : masked;
        }

        @Override
        public Exchange show(OutgoingRequest request, BufferedResponse response) {
            return Exchanges.shown(request, response, redaction);
        }
    }
}
