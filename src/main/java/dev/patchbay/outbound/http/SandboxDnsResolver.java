package dev.patchbay.outbound.http;

import dev.patchbay.outbound.guard.TargetRefusedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The resolver of the sandbox's own client: loopback names give loopback addresses, and nothing
 * else resolves at all, so that client cannot be pointed anywhere but this machine. Which port and
 * path it may call there is checked per request (see {@link UpstreamClients}).
 */
final class SandboxDnsResolver implements DnsResolver {

    private final HostLookup lookup;

    SandboxDnsResolver(HostLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = GuardedDnsResolver.unbracketed(host);
        InetAddress[] loopback = bare.equalsIgnoreCase("localhost") || bare.equals("127.0.0.1") || bare.equals("::1")
                ? Arrays.stream(lookup.lookup(bare)).filter(InetAddress::isLoopbackAddress).toArray(InetAddress[]::new)
                : new InetAddress[0];
        if (loopback.length == 0) {
            throw new GuardedDnsResolver.Refused(new TargetRefusedException(
                    "The target " + bare + " is not the built-in sandbox on this service's loopback address"));
        }
        return loopback;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
