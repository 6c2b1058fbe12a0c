package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.OutboundFailure;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every authentication type, by its {@code authentication_types.key}. */
@Component
public class Authentications {

    private final Map<String, Authentication> byType;

    Authentications(TokenStore tokens, Clock clock) {
        this.byType = List.of(new SimpleAuthentications.None(), new SimpleAuthentications.PresetToken(),
                        new SimpleAuthentications.Basic(),
                        new ObtainedTokenAuthentication("oauth2_client_credentials", tokens, clock),
                        new ObtainedTokenAuthentication("session", tokens, clock),
                        new AuthorizationCodeAuthentication(tokens, clock), new OAuth1Authentication(clock))
                .stream().collect(Collectors.toUnmodifiableMap(Authentication::type, Function.identity()));
    }

    public Authentication of(String type) {
        Authentication authentication = byType.get(type);
        if (authentication == null) {
            throw new OutboundFailure(OutboundFailure.Kind.INVALID_REQUEST,
                    "The authentication type `" + type + "` is not known to this version of Patchbay.", null);
        }
        return authentication;
    }
}
