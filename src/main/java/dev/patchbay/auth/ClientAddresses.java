package dev.patchbay.auth;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The client address the login throttle counts by, from the servlet container's {@code getRemoteAddr()}.
 * An IPv4 address counts as itself. An IPv6 address counts by its /64: one subscriber (a home, a
 * server) is usually given a whole /64, and could otherwise try from 2^64 addresses. Anything else
 * (whatever a proxy passed on in {@code X-Forwarded-For}) counts as a digest of itself, so that no
 * string becomes a long key. A name is never resolved: no DNS lookup of what a client sent.
 */
final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Hex digits, colons and dots only, starting with a hex digit or a colon: the JDK parses such a string, never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private ClientAddresses() {}

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String value = remoteAddress.strip();
        int zone = value.indexOf('%');
        if (zone > 0) {
            value = value.substring(0, zone);
        }
        if (IPV4.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf(':') >= 0 && IPV6.matcher(value).matches()) {
            try {
                InetAddress address = InetAddress.getByName(value);
                if (address instanceof Inet4Address) {
                    return address.getHostAddress(); // an IPv4-mapped IPv6 address is its IPv4 client
                }
                byte[] network = address.getAddress();
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException notAnAddress) {
                // falls through to the digest
            }
        }
        return "other:" + digest(remoteAddress);
    }

    /** The first 128 bits of the SHA-256 of {@code value}, in hex. */
    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
