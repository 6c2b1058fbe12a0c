package dev.patchbay.outbound.guard;

import java.util.regex.Pattern;

/**
 * How a host is written. Resolvers disagree about IPv4 numbers written in other forms than four
 * decimal parts: {@code 2130706433}, {@code 0x7f.1}, {@code 017700000001} or {@code 127.1} are
 * 127.0.0.1 to curl and the C library, while Java reads some of them differently or not at all. The
 * guard refuses every such form outright rather than relying on one reader's interpretation.
 */
final class HostForms {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    /** Four decimal parts, 0-255, no leading zeros: the one IPv4 form every reader agrees on. */
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /**
     * One to four dot-separated parts, each decimal, octal or hexadecimal, optionally with a trailing
     * dot: what {@code inet_aton} accepts. No DNS name looks like this, since a top-level domain is never all-numeric.
     */
    private static final Pattern NUMERIC = Pattern.compile(
            "(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}\\.?");

    private HostForms() {}

    static boolean isDottedQuad(String host) {
        return DOTTED_QUAD.matcher(host).matches();
    }

    /** An IPv4 address in a form other than {@link #isDottedQuad}. */
    static boolean isUnusualNumericForm(String host) {
        return NUMERIC.matcher(host).matches() && !isDottedQuad(host);
    }

    /** An IPv6 literal, with or without brackets; Java parses these without a DNS lookup. */
    static boolean isIpv6Literal(String host) {
        return host.indexOf(':') >= 0;
    }
}
