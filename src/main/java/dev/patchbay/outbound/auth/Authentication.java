package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.OutgoingRequest;

/** One authentication type of DESIGN §2, implemented once and configured by the implementation's settings. */
public interface Authentication {

    /** The {@code authentication_types.key} this implements. */
    String type();

    /** Runs before the request is rendered: obtains what the templates may need (a session token). */
    default void prepare(AuthContext context) {}

    /** Adds the credentials to a rendered request. */
    void apply(OutgoingRequest request, AuthContext context);

    /**
     * After the system answered 401: drops what it holds (a cached token) so that the next
     * {@link #prepare}/{@link #apply} obtains new credentials. True when a retry can help.
     */
    default boolean renew(AuthContext context) {
        return false;
    }
}
