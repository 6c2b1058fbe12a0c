package dev.patchbay.outbound.http;

import dev.patchbay.outbound.guard.TargetGuard;
import dev.patchbay.outbound.guard.TargetRefusedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The client's resolver, and the place where the SSRF rule meets the socket: it looks the host up
 * once, lets the guard filter the answer, and hands the client only the addresses that passed. The
 * client connects to exactly those, so a DNS answer that changes between a check and the connect
 * (DNS rebinding) cannot slip a private address in: there is no second lookup.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** Carries a refusal through the client, whose resolver may only throw {@link UnknownHostException}. */
    static final class Refused extends UnknownHostException {

        Refused(TargetRefusedException refusal) {
            super(refusal.getMessage());
            initCause(refusal);
        }

        TargetRefusedException refusal() {
            return (TargetRefusedException) getCause();
        }
    }

    private final TargetGuard guard;
    private final HostLookup lookup;

    GuardedDnsResolver(TargetGuard guard, HostLookup lookup) {
        this.guard = guard;
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = unbracketed(host);
        try {
            guard.checkHostForm(bare);
            return guard.permitted(bare, lookup.lookup(bare)).toArray(InetAddress[]::new);
        } catch (TargetRefusedException refusal) {
            throw new Refused(refusal);
        }
    }

    /** Only Kerberos-style authentication asks for this, and the client has no authentication schemes. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
