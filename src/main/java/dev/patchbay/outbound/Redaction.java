package dev.patchbay.outbound;

import dev.patchbay.secret.SecretMask;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks secrets in what is shown of an exchange. Values are masked where they are placed (a header
 * or parameter rendered from a secret variable, the credentials an authentication adds); this is the
 * second line: any secret string that still appears anywhere (a system that echoes the token back,
 * a secret inside a path) is replaced too. Strings shorter than four characters are not searched
 * for, since masking every "a" would make the record unreadable; they are still masked where placed.
 */
public final class Redaction {

    public static final String MASK = SecretMask.MASK;

    /** Headers whose value is a credential whatever was rendered into them. */
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private static final int SHORTEST_SEARCHED = 4;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public Redaction(Set<String> secretValues) {
        secretValues.forEach(this::add);
    }

    /** Adds a secret learnt during the call: a fetched token, a signature, a session id. */
    public void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SEARCHED && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
        }
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
            String encoded = OutgoingRequest.encode(secret);
            if (!encoded.equals(secret)) {
                out = out.replace(encoded, MASK);
            }
        }
        return out;
    }

    public String header(String name, String value, boolean sensitive) {
        return sensitive || CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : apply(value);
    }
}
