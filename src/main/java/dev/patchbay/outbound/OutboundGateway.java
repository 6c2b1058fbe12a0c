package dev.patchbay.outbound;

import dev.patchbay.outbound.auth.AuthContext;
import dev.patchbay.outbound.auth.Authentication;
import dev.patchbay.outbound.auth.Authentications;
import dev.patchbay.outbound.render.RequestRenderer;
import dev.patchbay.outbound.render.RequestSpec;
import dev.patchbay.outbound.render.Templates;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    private final InstanceReader instances;
    private final Authentications authentications;
    private final Transport transport;
    private final BuiltIns builtIns;

    OutboundGateway(InstanceReader instances, Authentications authentications, Transport transport, BuiltIns builtIns) {
        this.instances = instances;
        this.authentications = authentications;
        this.transport = transport;
        this.builtIns = builtIns;
    }

    /** The connector's settings and credentials, for a caller that sends through it. */
    public Instance instance(long companyId, long connectorId) {
        return instances.connector(companyId, connectorId);
    }

    public Instance draft(long companyId, ConnectorDraft draft) {
        return instances.draft(companyId, draft);
    }

    /**
     * Sends a request built by {@code spec} from the call's templates, and answers the exchange when
     * the system answered, whatever its status.
     *
     * @throws OutboundFailure when the request could not be built, was refused or got no answer
     */
    public Exchange send(Instance instance, Function<Templates, RequestSpec> spec) {
        Call call = new Call(instance);
        Authentication authentication = authentications.of(instance.authenticationType());
        try {
            OutgoingRequest request = authenticated(call, authentication, spec);
            BufferedResponse response = transport.exchange(request, instance, RECORDED_BODY_LIMIT);
            if (response.status() == 401 && authentication.renew(call)) {
                request = authenticated(call, authentication, spec);
                response = transport.exchange(request, instance, RECORDED_BODY_LIMIT);
            }
            return call.show(request, response);
        } catch (Templates.TemplateException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, call.redaction().apply(e.getMessage()), null);
        } catch (OutboundFailure e) {
            throw call.shown(e, call.lastRequest);
        }
    }

    /**
     * Sends once and hands back the answer unread, for the proxy. A 401 is retried with renewed
     * credentials only when the request has no body, since a streamed body cannot be sent twice.
     */
    Transport.StreamedResponse open(Instance instance, Function<Templates, RequestSpec> spec) {
        Call call = new Call(instance);
        Authentication authentication = authentications.of(instance.authenticationType());
        try {
            OutgoingRequest request = authenticated(call, authentication, spec);
            Transport.StreamedResponse response = transport.open(request, instance);
            if (response.status() == 401 && request.body() == null && authentication.renew(call)) {
                closeQuietly(response);
                response = transport.open(authenticated(call, authentication, spec), instance);
            }
            return response;
        } catch (Templates.TemplateException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, call.redaction().apply(e.getMessage()), null);
        } catch (OutboundFailure e) {
            throw call.shown(e, call.lastRequest);
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
                return transport.exchange(request, instance, RECORDED_BODY_LIMIT);
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
