package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.OutboundFailure;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import dev.patchbay.outbound.render.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code oauth1}: every request signed (RFC 5849) with the consumer and token credentials of the
 * implementation's {@code oauth1} templates. Applied last, over the final URI and form body.
 */
final class OAuth1Authentication implements Authentication {

    private static final Pattern SIGNATURE = Pattern.compile("oauth_signature=\"([^\"]+)\"");

    private final OAuth1Signer signer;

    OAuth1Authentication(Clock clock) {
        this.signer = new OAuth1Signer(clock);
    }

    @Override
    public String type() {
        return "oauth1";
    }

    @Override
    public void apply(OutgoingRequest request, AuthContext context) {
        JsonNode oauth1 = context.instance().settings().get("oauth1");
        Templates templates = context.templates();
        String consumerSecret = templates.text(SimpleAuthentications.text(oauth1, "consumer_secret"));
        String tokenSecret = templates.text(SimpleAuthentications.text(oauth1, "token_secret"));
        context.redaction().add(consumerSecret);
        context.redaction().add(tokenSecret);
        OAuth1Signer.SignatureMethod method;
        try {
            String named = templates.text(SimpleAuthentications.text(oauth1, "signature_method"));
            method = OAuth1Signer.SignatureMethod.fromProtocolName(named.isEmpty() ? "HMAC-SHA256" : named);
        } catch (IllegalArgumentException e) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST, e.getMessage(), null);
        }
        var credentials = new OAuth1Signer.Credentials(templates.text(SimpleAuthentications.text(oauth1, "consumer_key")),
                consumerSecret, templates.text(SimpleAuthentications.text(oauth1, "token")), tokenSecret,
                templates.text(SimpleAuthentications.text(oauth1, "realm")), method);
        String contentType = null;
        String body = null;
        if (request.body() instanceof OutgoingRequest.FormBody form) {
            contentType = "application/x-www-form-urlencoded";
            body = form.encoded();
        } else if (request.body() instanceof OutgoingRequest.BytesBody bytes) {
            contentType = bytes.contentType();
            body = new String(bytes.bytes(), StandardCharsets.UTF_8);
        }
        String header = signer.authorizationHeader(credentials, request.method(), request.uri(), contentType, body);
        Matcher signature = SIGNATURE.matcher(header);
        if (signature.find()) {
            context.redaction().add(signature.group(1)); // replayable until the timestamp expires: masked where echoed too
        }
        request.setHeader(new Param("Authorization", header, true));
    }
}
