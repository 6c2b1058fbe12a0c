package dev.patchbay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "198.51.100.7 | 198.51.100.7",
        "2001:db8:1:2:3:4:5:6 | 2001:db8:1:2:0:0:0:0/64",
        "2001:db8:1:2:ffff::1 | 2001:db8:1:2:0:0:0:0/64",
        "fe80::1%eth0 | fe80:0:0:0:0:0:0:0/64",
        "0:0:0:0:0:0:0:1 | 0:0:0:0:0:0:0:0/64",
        "::ffff:198.51.100.7 | 198.51.100.7",
        "'' | unknown",
    })
    void shouldCountIpv4AsItselfAndIpv6ByItsSlash64(String remote, String key) {
        assertThat(ClientAddresses.key(remote)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"localhost", "example.com", "a.b", "::g", "12:34:zz", "198.51.100.7, 203.0.113.9"})
    void shouldCountAnythingElseAsAShortDigestWithoutResolvingIt(String remote) {
        String key = ClientAddresses.key(remote);

        assertThat(key).startsWith("other:").hasSize("other:".length() + 32);
        assertThat(ClientAddresses.key("x".repeat(8000))).hasSize(key.length());
    }
}
