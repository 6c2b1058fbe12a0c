package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.Instance;
import dev.patchbay.outbound.OutboundGateway;
import dev.patchbay.outbound.Param;
import dev.patchbay.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2 authorisation-code consent: a single-use, expiring {@code state} ties the provider's
 * callback to the connector that asked, and the code is exchanged for tokens through the send path.
 */
@Service
public class OAuthConsent {

    /** How long a consent link stays usable. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    public record ConsentLink(String url, Instant expiresAt) {}

    private final OutboundGateway gateway;
    private final OAuthStates states;
    private final TokenStore tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthConsent(OutboundGateway gateway, OAuthStates states, TokenStore tokens, Clock clock) {
        this.gateway = gateway;
        this.states = states;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The provider's consent URL for the connector, with a fresh state. */
    public ConsentLink authorize(long companyId, long connectorId, String redirectUri) {
        Instance instance = gateway.instance(companyId, connectorId);
        if (!instance.authenticationType().equals("oauth2_authorization_code")) {
            new FieldErrors().add("connector", "The connector authenticates with " + instance.authenticationType()
                    + ", not an OAuth 2 authorisation code: there is nothing to consent to.").throwIfAny();
        }
        JsonNode oauth2 = instance.settings().get("oauth2");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(STATE_LIFETIME);
        states.save(hash(state), companyId, connectorId, redirectUri, expiresAt);
        String url = gateway.withContext(instance, context -> {
            var templates = context.templates();
            String scopes = oauth2.has("scopes") && oauth2.get("scopes").isArray()
                    ? StreamSupport.stream(oauth2.get("scopes").spliterator(), false).map(JsonNode::asString)
                            .map(templates::text).collect(Collectors.joining(" "))
                    : templates.text(SimpleAuthentications.text(oauth2, "scope"));
            UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(
                            templates.text(SimpleAuthentications.text(oauth2, "authorize_url")))
                    .queryParam("response_type", "code")
                    .queryParam("client_id", templates.text(SimpleAuthentications.text(oauth2, "client_id")))
                    .queryParam("redirect_uri", redirectUri)
                    .queryParam("state", state);
            if (!scopes.isBlank()) {
                builder.queryParam("scope", scopes);
            }
            return builder.encode(StandardCharsets.UTF_8).build().toUriString();
        });
        return new ConsentLink(url, expiresAt);
    }

    /**
     * The provider's callback: consumes the state (once, before it expires) and stores the tokens.
     *
     * @return the connector that is now authorised
     */
    public long complete(String state, String code, String error) {
        OAuthStates.Pending pending = state == null ? null : states.take(hash(state), clock.instant()).orElse(null);
        if (pending == null) {
            throw new ConsentFailed("This authorisation link has expired or was already used. Start again from the connector.");
        }
        if (error != null || code == null || code.isBlank()) {
            throw new ConsentFailed("The system did not grant access" + (error == null ? "" : " (" + error + ")")
                    + ". Start again from the connector.");
        }
        Instance instance = gateway.instance(pending.companyId(), pending.connectorId());
        JsonNode oauth2 = instance.settings().get("oauth2");
        Token token = gateway.withContext(instance, context -> {
            List<Param> form = new ArrayList<>(List.of(Param.plain("grant_type", "authorization_code"),
                    new Param("code", code, true), Param.plain("redirect_uri", pending.redirectUri())));
            return TokenRequests.fetch(AuthorizationCodeAuthentication.tokenRequest(oauth2, form, context), oauth2, context, clock);
        });
        tokens.save(pending.companyId(), pending.connectorId(), token);
        return pending.connectorId();
    }

    private static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A callback that cannot complete: the person gets this sentence, never a stack trace. */
    public static final class ConsentFailed extends RuntimeException {
        public ConsentFailed(String message) {
            super(message, null, false, false);
        }
    }

}
