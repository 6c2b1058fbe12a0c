package dev.patchbay.outbound.guard;

import dev.patchbay.config.PatchbayProperties;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSRF rule: Patchbay calls public addresses only. An address that is loopback, private,
 * link-local, unique-local, multicast, unspecified or otherwise special (IPv4 or IPv6, including
 * IPv4 addresses embedded in IPv6) is refused, unless it falls in one of the blocks listed in
 * {@code patchbay.outbound.allowed-networks}.
 *
 * <p>The guard judges addresses, not names: the HTTP client asks it about the addresses a host
 * resolved to, and connects only to those it let through (see {@code outbound.http}).
 */
@Component
public class TargetGuard {

    static final String SETTING = "patchbay.outbound.allowed-networks";

    private final List<Cidr> allowed;

    @Autowired
    TargetGuard(PatchbayProperties properties) {
        this(properties.outbound().allowedNetworks());
    }

    private TargetGuard(List<String> allowedNetworks) {
        List<Cidr> blocks = new ArrayList<>();
        for (String block : allowedNetworks) {
            try {
                blocks.add(Cidr.parse(block));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(SETTING + ": " + e.getMessage(), e);
            }
        }
        this.allowed = List.copyOf(blocks);
    }

    /** A guard that lets the given blocks through (for example {@code 127.0.0.0/8}, {@code ::1/128}). */
    public static TargetGuard allowing(List<String> allowedNetworks) {
        return new TargetGuard(allowedNetworks);
    }

    /** Refuses a host written as an IPv4 number in a form other than a.b.c.d, before any lookup. */
    public void checkHostForm(String host) throws TargetRefusedException {
        if (HostForms.isUnusualNumericForm(host)) {
            throw new TargetRefusedException("The target " + host + " is an IP address written in an unusual numeric "
                    + "form; write IPv4 addresses as four decimal numbers (a.b.c.d)");
        }
    }

    /**
     * The addresses of {@code host} that may be called, in their order.
     *
     * @throws TargetRefusedException when none may, naming the first refused address and why
     */
    public List<InetAddress> permitted(String host, InetAddress... addresses) throws TargetRefusedException {
        List<InetAddress> permitted = new ArrayList<>(addresses.length);
        String refusal = null;
        for (InetAddress address : addresses) {
            Optional<String> reason = refusalReason(address);
            if (reason.isEmpty()) {
                permitted.add(address);
            } else if (refusal == null) {
                refusal = "The target " + host + " resolves to " + address.getHostAddress() + ", " + reason.get()
                        + "; outbound calls to private, loopback and link-local addresses are refused unless listed in "
                        + SETTING;
            }
        }
        if (permitted.isEmpty()) {
            throw new TargetRefusedException(refusal != null ? refusal : "The target " + host + " has no address");
        }
        return permitted;
    }

    /** Why the address may not be called ("a private address"), or empty when it may. */
    public Optional<String> refusalReason(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] embedded = SpecialAddresses.embeddedIpv4(bytes);
        if (isAllowed(bytes) || (embedded != null && isAllowed(embedded))) {
            return Optional.empty();
        }
        Optional<String> reason = SpecialAddresses.reason(bytes);
        if (reason.isEmpty() && embedded != null) {
            reason = SpecialAddresses.reason(embedded).map(inner -> inner + " written as IPv6");
        }
        return reason;
    }

    private boolean isAllowed(byte[] address) {
        return allowed.stream().anyMatch(block -> block.contains(address));
    }
}
