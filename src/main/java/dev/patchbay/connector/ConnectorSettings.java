package dev.patchbay.connector;

import dev.patchbay.catalog.CatalogLookup.AuthenticationImplementationRef;
import java.util.Locale;

/** A connector's own fields after validation: what the repository writes. */
record ConnectorSettings(
        String name, String type, long authenticationImplementationId, String timezone, String dateFormat,
        String rateLimitUnit, int rateLimitDuration, Long connectionPoolId, Long certificateId, String sessionId,
        String platformAppKey) {

    /** A connector's {@code type}: its system's protocol ({@code http}), on create and on every update alike. */
    static String typeOf(AuthenticationImplementationRef implementation) {
        return implementation.protocol().toLowerCase(Locale.ROOT);
    }
}
