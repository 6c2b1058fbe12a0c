package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.BufferedResponse;
import dev.patchbay.outbound.Exchange;
import dev.patchbay.outbound.Instance;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Redaction;
import dev.patchbay.outbound.render.Templates;

/** What an authentication may use during one call: the instance, its templates, and a way to reach the system. */
public interface AuthContext {

    Instance instance();

    Templates templates();

    Redaction redaction();

    /** Makes a value (a session token) available to the templates as a built-in placeholder. */
    void provide(String placeholder, String value);

    /** A value provided earlier in this call, if any. */
    java.util.Optional<String> provided(String placeholder);

    /**
     * Sends a request that obtains credentials (a token or session request) through the same guarded
     * transport as any other request, and answers what came back in clear: add what it revealed to
     * {@link #redaction()} before {@link #show showing} it.
     */
    BufferedResponse send(OutgoingRequest request);

    /** The exchange as people may see it, masked by what {@link #redaction()} knows by now. */
    Exchange show(OutgoingRequest request, BufferedResponse response);
}
