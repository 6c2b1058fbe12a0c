package dev.patchbay.outbound.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.outbound.guard.TargetRefusedException;
import dev.patchbay.outbound.http.RedirectPolicy.Hop;
import java.net.URI;
import java.util.Optional;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

    private static final Hop POST = Hop.first("POST", URI.create("https://api.example.com/v1/orders?page=2"));

    private static BasicHttpResponse redirect(int status, String location) {
        BasicHttpResponse response = new BasicHttpResponse(status);
        if (location != null) {
            response.addHeader("Location", location);
        }
        return response;
    }

    @ParameterizedTest
    @CsvSource({
        "301, GET, false", "302, GET, false", "303, GET, false", "307, POST, true", "308, POST, true",
    })
    void shouldChangeMethodAndBodyAsBrowsersDo(int status, String method, boolean keepsBody) throws Exception {
        Hop next = RedirectPolicy.next(POST, redirect(status, "/v2/orders")).orElseThrow();

        assertThat(next.method()).isEqualTo(method);
        assertThat(next.keepsBody()).isEqualTo(keepsBody);
        assertThat(next.uri()).isEqualTo(URI.create("https://api.example.com/v2/orders"));
        assertThat(next.redirects()).isEqualTo(1);
        assertThat(next.crossesOrigin()).isFalse();
    }

    @Test
    void shouldResolveRelativeLocationsAndDropFragments() throws Exception {
        assertThat(RedirectPolicy.next(POST, redirect(302, "next?x=1#part")).orElseThrow().uri())
                .isEqualTo(URI.create("https://api.example.com/v1/next?x=1"));
        assertThat(RedirectPolicy.next(Hop.first("GET", URI.create("https://api.example.com")), redirect(302, "start")).orElseThrow().uri())
                .isEqualTo(URI.create("https://api.example.com/start"));
        assertThat(RedirectPolicy.next(POST, redirect(302, "//cdn.example.net/file")).orElseThrow().uri())
                .isEqualTo(URI.create("https://cdn.example.net/file"));
    }

    @Test
    void shouldMarkAHopToAnotherOriginAndKeepTheMarkOnTheWayBack() throws Exception {
        Hop away = RedirectPolicy.next(POST, redirect(307, "http://api.example.com/v1/orders")).orElseThrow();
        Hop back = RedirectPolicy.next(away, redirect(307, "https://api.example.com/v1/orders")).orElseThrow();

        assertThat(away.crossesOrigin()).as("another scheme").isTrue();
        assertThat(back.crossesOrigin()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 304, 404, 500})
    void shouldTreatOtherStatusesAsTheAnswer(int status) throws Exception {
        assertThat(RedirectPolicy.next(POST, redirect(status, "/elsewhere"))).isEmpty();
    }

    @Test
    void shouldTreatARedirectWithoutUsableLocationAsTheAnswer() throws Exception {
        assertThat(RedirectPolicy.next(POST, redirect(302, null))).isEmpty();
        assertThat(RedirectPolicy.next(POST, redirect(302, " "))).isEmpty();
        assertThat(RedirectPolicy.next(POST, redirect(302, "http://bad host/"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://internal:70/x", "ftp://files.example.com/a", "mailto:x@example.com"})
    void shouldRefuseARedirectToANonHttpAddress(String location) {
        assertThatThrownBy(() -> RedirectPolicy.next(POST, redirect(302, location)))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessage("The system redirected to an address that is not http or https");
    }

    @Test
    void shouldStopAfterFiveRedirects() throws Exception {
        Hop hop = Hop.first("GET", URI.create("https://loop.example.com/0"));
        for (int i = 1; i <= RedirectPolicy.MAX_REDIRECTS; i++) {
            hop = RedirectPolicy.next(hop, redirect(302, "/" + i)).orElseThrow();
        }
        Hop fifth = hop;

        assertThat(fifth.redirects()).isEqualTo(5);
        assertThatThrownBy(() -> RedirectPolicy.next(fifth, redirect(302, "/6")))
                .isInstanceOfSatisfying(TooManyRedirectsException.class, e -> assertThat(UpstreamFailure.of(e, fifth.uri(), null, null, false))
                        .isEqualTo(new UpstreamFailure(UpstreamFailure.Kind.TOO_MANY_REDIRECTS,
                                "The system redirected more than 5 times (last from loop.example.com:443 to loop.example.com:443)")));
        assertThat(RedirectPolicy.next(fifth, redirect(200, null))).isEqualTo(Optional.empty());
    }
}
