package dev.patchbay.outbound.guard;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one exception to the SSRF rule: the built-in sandbox upstream, served by this service under
 * {@code /sandbox/} on its own port, stays callable so that the demo works out of the box. Nothing
 * else on the service's own address is: not another port, not another path, not a path that climbs
 * out of {@code /sandbox/} with dot segments or encoded characters.
 */
@Component
public class SandboxTarget {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final String PREFIX = "/sandbox/";

    /** The port the server really listens on; -1 until it has started (or when there is no server). */
    private volatile int port = -1;

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the main server, not management's
            serverStarted(event.getWebServer().getPort());
        }
    }

    /** Records the port the service answers on; called once the web server has started. */
    public void serverStarted(int port) {
        this.port = port;
    }

    /** Whether the target is the sandbox: this service's port on a loopback host, a path under {@code /sandbox/}. */
    public boolean covers(URI target) {
        return target.getHost() != null && covers(target.getScheme(), target.getHost(), target.getPort(), target.getRawPath());
    }

    /**
     * The same test on a request's parts, as the sandbox's own HTTP client sees them.
     *
     * @param port -1 for the scheme's default port
     */
    public boolean covers(String scheme, String host, int port, String rawPath) {
        if (scheme == null || this.port <= 0 || rawPath == null) {
            return false;
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int effectivePort = port > 0 ? port : lowerScheme.equals("https") ? 443 : 80;
        return (lowerScheme.equals("http") || lowerScheme.equals("https"))
                && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                && effectivePort == this.port
                && isPlainSandboxPath(rawPath);
    }

    /** Refuses a request on the sandbox's client that is not for the sandbox. */
    public void check(String scheme, String host, int port, String rawPath) throws TargetRefusedException {
        if (!covers(scheme, host, port, rawPath)) {
            throw new TargetRefusedException("The target " + host + " is this service's own address; only the built-in "
                    + "sandbox under /sandbox/ may be called there");
        }
    }

    /** Under /sandbox/ as written, with nothing the server would decode or normalise into another path. */
    private static boolean isPlainSandboxPath(String rawPath) {
        if (!rawPath.startsWith(PREFIX) || rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        return Arrays.stream(rawPath.split("/")).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }
}
