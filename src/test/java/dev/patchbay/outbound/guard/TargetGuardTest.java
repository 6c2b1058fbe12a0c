package dev.patchbay.outbound.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private final TargetGuard guard = TargetGuard.allowing(List.of());

    /** Java parses these literals without a DNS lookup. */
    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /** An IPv6 address kept as IPv6 even when it embeds IPv4 (Java would otherwise turn ::ffff:a.b.c.d into IPv4). */
    private static InetAddress ipv6(String literal) throws Exception {
        return java.net.Inet6Address.getByAddress(null, ipv6Bytes(literal), null);
    }

    private static byte[] ipv6Bytes(String literal) throws Exception {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (bytes.length == 16) {
            return bytes;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        return mapped;
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.255.255.254, a loopback address",
        "10.0.0.5, a private address",
        "172.16.0.1, a private address",
        "172.31.255.255, a private address",
        "192.168.1.1, a private address",
        "169.254.169.254, a link-local address",
        "100.64.0.1, a shared (carrier-grade NAT) address",
        "100.127.255.255, a shared (carrier-grade NAT) address",
        "0.0.0.0, the unspecified address",
        "0.1.2.3, a \"this network\" address",
        "224.0.0.1, a multicast address",
        "239.255.255.250, a multicast address",
        "255.255.255.255, the broadcast address",
        "::1, a loopback address",
        "::, the unspecified address",
        "fe80::1, a link-local address",
        "febf::1, a link-local address",
        "fc00::1, a unique-local (private) address",
        "fd12:3456::1, a unique-local (private) address",
        "ff02::1, a multicast address",
    })
    void shouldRefuseSpecialAddressesNamingWhy(String literal, String reason) throws Exception {
        assertThat(guard.refusalReason(address(literal))).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "::ffff:127.0.0.1, a loopback address written as IPv6",
        "::ffff:10.0.0.5, a private address written as IPv6",
        "::ffff:169.254.169.254, a link-local address written as IPv6",
        "::127.0.0.1, a loopback address written as IPv6",
        "::10.1.2.3, a private address written as IPv6",
        "64:ff9b::7f00:1, a loopback address written as IPv6",
        "64:ff9b::a9fe:a9fe, a link-local address written as IPv6",
        "64:ff9b:1::c0a8:101, a private address written as IPv6",
    })
    void shouldRefuseIpv4SpecialAddressesEmbeddedInIpv6(String literal, String reason) throws Exception {
        assertThat(guard.refusalReason(ipv6(literal))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8",
        "64:ff9b::808:808"})
    void shouldLetPublicAddressesThrough(String literal) throws Exception {
        assertThat(guard.refusalReason(ipv6OrV4(literal))).isEmpty();
    }

    private static InetAddress ipv6OrV4(String literal) throws Exception {
        return literal.contains(":") ? ipv6(literal) : address(literal);
    }

    @Test
    void shouldLetAllowedNetworksThroughIncludingTheirIpv6Forms() throws Exception {
        TargetGuard allowing = TargetGuard.allowing(List.of("127.0.0.0/8", " ::1/128 ", "10.1.0.0/16"));

        assertThat(allowing.refusalReason(address("127.0.0.1"))).isEmpty();
        assertThat(allowing.refusalReason(address("127.9.9.9"))).isEmpty();
        assertThat(allowing.refusalReason(ipv6("::ffff:127.0.0.1"))).isEmpty();
        assertThat(allowing.refusalReason(address("::1"))).isEmpty();
        assertThat(allowing.refusalReason(address("10.1.200.3"))).isEmpty();
        assertThat(allowing.refusalReason(address("10.2.0.1"))).contains("a private address");
        assertThat(allowing.refusalReason(address("192.168.0.1"))).contains("a private address");
    }

    @Test
    void shouldKeepOnlyPermittedAddressesOfAHostInOrder() throws Exception {
        assertThat(guard.permitted("mixed.example.test", address("10.0.0.1"), address("93.184.215.14"), address("::1"),
                address("2606:4700::1111"))).containsExactly(address("93.184.215.14"), address("2606:4700::1111"));
    }

    @Test
    void shouldRefuseAHostWithOnlyRefusedAddressesNamingHostAddressAndSetting() throws Exception {
        assertThatThrownBy(() -> guard.permitted("acme.example.com", address("10.0.0.5"), address("127.0.0.1")))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessage("The target acme.example.com resolves to 10.0.0.5, a private address; outbound calls to "
                        + "private, loopback and link-local addresses are refused unless listed in "
                        + "patchbay.outbound.allowed-networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1", "127.1", "127.0.1", "0",
        "127.0.0.1.", "010.0.0.1", "0x0a.0x00.0x00.0x01"})
    void shouldRefuseIpv4NumbersInUnusualFormsBeforeAnyLookup(String host) {
        assertThatThrownBy(() -> guard.checkHostForm(host))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageStartingWith("The target " + host + " is an IP address written in an unusual numeric form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "93.184.215.14", "acme.example.com", "api.0x7f.example", "1.example", "cafe.de", "::1"})
    void shouldLeaveNamesAndDottedQuadsToTheAddressCheck(String host) throws Exception {
        guard.checkHostForm(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0/8", "10.0.0.0/33", "::1/129", "acme.example.com/32", "10.0.0.0/x", "0x7f.0.0.1/8", ""})
    void shouldRefuseToStartWithAnAllowedNetworkThatIsNotABlock(String block) {
        assertThatThrownBy(() -> TargetGuard.allowing(List.of(block)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("patchbay.outbound.allowed-networks: '" + block + "'");
    }
}
