package dev.patchbay.outbound.http;

import dev.patchbay.outbound.guard.TargetRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Where a redirect leads. The clients never follow redirects themselves: a caller that follows one
 * sends the next request through {@link UpstreamClients#open} again, so every hop meets the SSRF
 * rule at connect time like the first, and at most {@value #MAX_REDIRECTS} hops are taken.
 *
 * <pre>{@code
 * Hop hop = Hop.first("GET", uri);
 * while (true) {
 *     response = send(hop);
 *     Optional<Hop> next = RedirectPolicy.next(hop, response);
 *     if (next.isEmpty()) break;   // the answer
 *     hop = next.get();            // drop credentials when hop.crossesOrigin()
 * }
 * }</pre>
 */
public final class RedirectPolicy {

    public static final int MAX_REDIRECTS = 5;

    /**
     * One request of a chain.
     *
     * @param redirects how many redirects led here (0 for the first request)
     * @param keepsBody whether the request body is sent again (307 and 308 keep method and body)
     * @param crossesOrigin whether this hop goes to another scheme, host or port than the first request,
     *     so credentials meant for the first must not be sent
     */
    public record Hop(String method, URI uri, int redirects, boolean keepsBody, boolean crossesOrigin, URI origin) {

        public static Hop first(String method, URI uri) {
            return new Hop(method, uri, 0, true, false, uri);
        }
    }

    private RedirectPolicy() {}

    /**
     * The next hop when {@code response} is a redirect with a usable {@code Location}; empty when it is
     * the answer (not a 3xx redirect, no Location, or one that cannot be parsed).
     *
     * @throws TooManyRedirectsException on the redirect after the {@value #MAX_REDIRECTS}th
     * @throws TargetRefusedException when the Location is not an http or https address
     */
    public static Optional<Hop> next(Hop current, HttpResponse response) throws TooManyRedirectsException, TargetRefusedException {
        int status = response.getCode();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        Header location = response.getFirstHeader("Location");
        if (location == null || location.getValue().isBlank()) {
            return Optional.empty();
        }
        URI target;
        try {
            URI base = current.uri();
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                base = new URI(base.getScheme() + "://" + base.getRawAuthority() + "/"); // else "x" resolves to "http://hostx"
            }
            target = base.resolve(new URI(location.getValue().strip()));
            if (target.getRawFragment() != null) { // a fragment is never sent
                target = new URI(target.toString().substring(0, target.toString().indexOf('#')));
            }
        } catch (URISyntaxException | IllegalArgumentException unparsable) {
            return Optional.empty();
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || target.getHost() == null) {
            throw new TargetRefusedException("The system redirected to an address that is not http or https");
        }
        if (current.redirects() >= MAX_REDIRECTS) {
            throw new TooManyRedirectsException("The system redirected more than " + MAX_REDIRECTS + " times (last from "
                    + UpstreamFailure.hostAndPort(current.uri()) + " to " + UpstreamFailure.hostAndPort(target) + ")");
        }
        boolean keepsMethod = status == 307 || status == 308
                || current.method().equalsIgnoreCase("GET") || current.method().equalsIgnoreCase("HEAD");
        String method = keepsMethod ? current.method() : "GET";
        boolean keepsBody = (status == 307 || status == 308) && current.keepsBody();
        return Optional.of(new Hop(method, target, current.redirects() + 1, keepsBody,
                current.crossesOrigin() || !sameOrigin(current.origin(), target), current.origin()));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && UpstreamFailure.hostAndPort(a).equals(UpstreamFailure.hostAndPort(b));
    }
}
