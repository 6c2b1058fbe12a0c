package dev.patchbay.outbound.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. An IPv4 block matches only IPv4
 * addresses and an IPv6 block only IPv6 ones; the guard unwraps IPv4 addresses embedded in IPv6
 * before asking.
 */
record Cidr(byte[] network, int prefix) {

    /** @throws IllegalArgumentException naming the text when it is not an address literal with an optional prefix */
    static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        // Literals only: a host name here would be a DNS lookup at start, and a different answer later.
        boolean ipv6 = HostForms.isIpv6Literal(address);
        if (!HostForms.isDottedQuad(address) && !ipv6) {
            throw notABlock(text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw notABlock(text);
        }
        if (ipv6 && bytes.length == 4) {
            bytes = mapped(bytes); // Java turns ::ffff:a.b.c.d into an IPv4 address; keep the block as written
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bytes.length * 8);
            }
        }
        return new Cidr(bytes, prefix);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (address[full] & mask) == (network[full] & mask);
    }

    private static IllegalArgumentException notABlock(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IP address block (such as 10.0.0.0/8 or fd00::/8)");
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }
}
