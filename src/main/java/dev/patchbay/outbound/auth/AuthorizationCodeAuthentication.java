package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.Instance;
import dev.patchbay.outbound.OutboundFailure;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import dev.patchbay.outbound.render.BuiltInPlaceholders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code oauth2_authorization_code}: the tokens come from a person's consent (see
 * {@link OAuthConsent}); the access token is sent as a bearer token and renewed with the refresh
 * token shortly before it expires, or once after the system answers 401.
 */
final class AuthorizationCodeAuthentication implements Authentication {

    private final TokenStore store;
    private final Clock clock;

    AuthorizationCodeAuthentication(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "oauth2_authorization_code";
    }

    @Override
    public void prepare(AuthContext context) {
        if (context.provided(BuiltInPlaceholders.SESSION_TOKEN).isPresent()) {
            return;
        }
        Instance instance = context.instance();
        Token token = instance.connectorId() == null ? null : store.find(instance.companyId(), instance.connectorId()).orElse(null);
        if (token == null) {
            throw new OutboundFailure(OutboundFailure.Kind.CREDENTIALS_REFUSED, "The connector is not authorised yet: "
                    + "open the consent URL from GET /api/v1/connectors/" + instance.connectorId()
                    + "/oauth/authorize and sign in to the system.", null);
        }
        context.redaction().add(token.refreshToken());
        if (!token.usableAt(clock.instant())) {
            token = refresh(token, context);
        }
        context.redaction().add(token.accessToken());
        context.provide(BuiltInPlaceholders.SESSION_TOKEN, token.accessToken());
    }

    @Override
    public void apply(OutgoingRequest request, AuthContext context) {
        if (!ObtainedTokenAuthentication.placesTokenItself(context.instance().settings())) {
            request.setHeader(new Param("Authorization",
                    "Bearer " + context.provided(BuiltInPlaceholders.SESSION_TOKEN).orElseThrow(), true));
        }
    }

    @Override
    public boolean renew(AuthContext context) {
        Instance instance = context.instance();
        if (instance.connectorId() == null) {
            return false;
        }
        store.forgetAccessToken(instance.companyId(), instance.connectorId());
        context.provide(BuiltInPlaceholders.SESSION_TOKEN, null);
        return store.find(instance.companyId(), instance.connectorId()).map(t -> t.refreshToken() != null).orElse(false);
    }

    private Token refresh(Token token, AuthContext context) {
        Instance instance = context.instance();
        if (token.refreshToken() == null) {
            throw new OutboundFailure(OutboundFailure.Kind.CREDENTIALS_REFUSED, "The access token expired and the system "
                    + "gave no refresh token: authorise the connector again.", null);
        }
        List<Param> form = new ArrayList<>(List.of(Param.plain("grant_type", "refresh_token"),
                new Param("refresh_token", token.refreshToken(), true)));
        Token renewed = TokenRequests.fetch(tokenRequest(instance.settings().get("oauth2"), form, context),
                instance.settings().get("oauth2"), context, clock);
        store.save(instance.companyId(), instance.connectorId(), renewed);
        return renewed.refreshToken() == null ? new Token(renewed.accessToken(), token.refreshToken(), renewed.expiresAt()) : renewed;
    }

    /** A request to the token URL with the client's credentials in the form, as most providers accept. */
    static OutgoingRequest tokenRequest(JsonNode oauth2, List<Param> form, AuthContext context) {
        var url = context.templates().render(SimpleAuthentications.text(oauth2, "token_url"));
        var clientId = context.templates().render(SimpleAuthentications.text(oauth2, "client_id"));
        var clientSecret = context.templates().render(SimpleAuthentications.text(oauth2, "client_secret"));
        context.redaction().add(clientSecret.text());
        List<Param> params = new ArrayList<>(form);
        params.add(new Param("client_id", clientId.text(), clientId.sensitive()));
        params.add(new Param("client_secret", clientSecret.text(), true));
        OutgoingRequest request = new OutgoingRequest("POST", url.text(), url.sensitive());
        request.addHeader(Param.plain("Accept", "application/json"));
        request.body(new OutgoingRequest.FormBody(params));
        return request;
    }
}
