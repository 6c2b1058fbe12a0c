package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.Instance;
import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import dev.patchbay.outbound.render.BuiltInPlaceholders;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * {@code oauth2_client_credentials} and {@code session}: a token obtained through the
 * implementation's {@code token_request}, kept encrypted per connector and reused by every node
 * until shortly before it expires, fetched again once when the system answers 401. It is sent as a
 * bearer token, unless the implementation's templates place {@code {{session_token}}} themselves
 * (a session cookie or a custom header).
 */
final class ObtainedTokenAuthentication implements Authentication {

    private final String type;
    private final TokenStore store;
    private final Clock clock;

    ObtainedTokenAuthentication(String type, TokenStore store, Clock clock) {
        this.type = type;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void prepare(AuthContext context) {
        if (context.provided(BuiltInPlaceholders.SESSION_TOKEN).isPresent()) {
            return;
        }
        Instance instance = context.instance();
        Token token = instance.connectorId() == null ? null
                : store.find(instance.companyId(), instance.connectorId()).filter(t -> t.usableAt(clock.instant())).orElse(null);
        if (token == null) {
            JsonNode tokenRequest = instance.settings().get("token_request");
            token = TokenRequests.fetch(TokenRequests.build(tokenRequest, context), tokenRequest, context, clock);
            if (instance.connectorId() != null) {
                store.save(instance.companyId(), instance.connectorId(), token);
            }
        }
        context.redaction().add(token.accessToken());
        context.provide(BuiltInPlaceholders.SESSION_TOKEN, token.accessToken());
    }

    @Override
    public void apply(OutgoingRequest request, AuthContext context) {
        if (!placesTokenItself(context.instance().settings())) {
            String token = context.provided(BuiltInPlaceholders.SESSION_TOKEN).orElseThrow();
            request.setHeader(new Param("Authorization", "Bearer " + token, true));
        }
    }

    @Override
    public boolean renew(AuthContext context) {
        Instance instance = context.instance();
        if (instance.connectorId() != null) {
            store.forgetAccessToken(instance.companyId(), instance.connectorId());
        }
        context.provide(BuiltInPlaceholders.SESSION_TOKEN, null);
        return true;
    }

    static boolean placesTokenItself(JsonNode settings) {
        String placeholder = "{{" + BuiltInPlaceholders.SESSION_TOKEN + "}}";
        for (String section : new String[] {"headers", "query", "body"}) {
            JsonNode node = settings.get(section);
            if (node != null && node.toString().replace(" ", "").contains(placeholder)) {
                return true;
            }
        }
        return false;
    }
}
