package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.config.PatchbayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

class PublicUrlTest {

    private final MockServletContext context = new MockServletContext();

    private static PublicUrl configured(String publicUrl) {
        MockEnvironment environment = new MockEnvironment();
        if (publicUrl != null) {
            environment.setProperty("patchbay.public-url", publicUrl);
        }
        return new PublicUrl(Binder.get(environment).bindOrCreate("patchbay", PatchbayProperties.class));
    }

    private MockHttpServletRequest request(String localAddress, int localPort) {
        MockHttpServletRequest request = new MockHttpServletRequest(context, "GET", "/api/v1/connectors");
        request.setQueryString("per_page=2&filter%5Bsystem%5D=1");
        request.setServerName("forged.example.test");
        request.addHeader("Host", "forged.example.test");
        request.setLocalAddr(localAddress);
        request.setLocalPort(localPort);
        return request;
    }

    @Test
    void shouldUseTheConfiguredPublicUrlWhateverTheRequestSays() {
        configured("https://patchbay.example.com/").onStartup(context);

        assertThat(PublicUrl.of(request("10.0.0.5", 8080)))
                .isEqualTo("https://patchbay.example.com/api/v1/connectors?per_page=2&filter%5Bsystem%5D=1");
    }

    @Test
    void shouldKeepAPathPrefixOfTheConfiguredPublicUrl() {
        configured("https://example.com/patchbay").onStartup(context);

        assertThat(PublicUrl.of(request("10.0.0.5", 8080))).startsWith("https://example.com/patchbay/api/v1/connectors?");
    }

    @Test
    void shouldFallBackToTheAddressTheConnectionReachedNotTheHostHeader() {
        configured(null).onStartup(context);

        assertThat(PublicUrl.of(request("127.0.0.1", 8080))).startsWith("http://localhost:8080/api/v1/connectors?");
        assertThat(PublicUrl.of(request("10.0.0.5", 9090))).startsWith("http://10.0.0.5:9090/api/v1/connectors?");
        assertThat(PublicUrl.of(request("fd00:0:0:0:0:0:0:5", 80))).startsWith("http://[fd00:0:0:0:0:0:0:5]/api/v1/");
    }

    @Test
    void shouldRefuseAPublicUrlThatCannotStartALink() {
        for (String bad : new String[] {"patchbay.example.com", "ftp://example.com", "https://example.com/?a=1"}) {
            assertThatThrownBy(() -> configured(bad)).as(bad).hasMessageContaining("patchbay.public-url");
        }
    }
}
