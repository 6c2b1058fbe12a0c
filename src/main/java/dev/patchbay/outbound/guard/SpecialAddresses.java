package dev.patchbay.outbound.guard;

import java.util.List;
import java.util.Optional;

/**
 * The address blocks that are not the public internet, each with the words used to refuse it. The
 * first block that matches names the reason, so specific blocks come before the ones that contain them.
 */
final class SpecialAddresses {

    private record Block(Cidr cidr, String reason) {}

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/32", "the unspecified address"),
            block("0.0.0.0/8", "a \"this network\" address"),
            block("10.0.0.0/8", "a private address"),
            block("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.0.0/16", "a link-local address"),
            block("172.16.0.0/12", "a private address"),
            block("192.0.0.0/24", "a reserved address"),
            block("192.168.0.0/16", "a private address"),
            block("198.18.0.0/15", "a reserved (benchmarking) address"),
            block("224.0.0.0/4", "a multicast address"),
            block("255.255.255.255/32", "the broadcast address"),
            block("240.0.0.0/4", "a reserved address"),
            block("::/128", "the unspecified address"),
            block("::1/128", "a loopback address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a site-local (private) address"),
            block("fc00::/7", "a unique-local (private) address"),
            block("ff00::/8", "a multicast address"));

    /** IPv6 blocks whose last 32 bits are an IPv4 address that the packet may end up at. */
    private static final List<Cidr> EMBEDDING_IPV4 = List.of(
            Cidr.parse("::ffff:0:0/96"), // IPv4-mapped
            Cidr.parse("::/96"), // IPv4-compatible (deprecated, still routed by some stacks)
            Cidr.parse("64:ff9b::/96"), // NAT64, well-known prefix
            Cidr.parse("64:ff9b:1::/48")); // NAT64, local-use prefix

    private static final Cidr UNSPECIFIED_V6 = Cidr.parse("::/128");
    private static final Cidr LOOPBACK_V6 = Cidr.parse("::1/128");

    private SpecialAddresses() {}

    private static Block block(String cidr, String reason) {
        return new Block(Cidr.parse(cidr), reason);
    }

    static Optional<String> reason(byte[] address) {
        return BLOCKS.stream().filter(b -> b.cidr().contains(address)).map(Block::reason).findFirst();
    }

    /** The IPv4 address embedded in an IPv6 one, or null; {@code ::} and {@code ::1} are IPv6's own. */
    static byte[] embeddedIpv4(byte[] address) {
        if (address.length != 16 || EMBEDDING_IPV4.stream().noneMatch(c -> c.contains(address))) {
            return null;
        }
        if (UNSPECIFIED_V6.contains(address) || LOOPBACK_V6.contains(address)) {
            return null;
        }
        byte[] v4 = new byte[4];
        System.arraycopy(address, 12, v4, 0, 4);
        return v4;
    }
}
