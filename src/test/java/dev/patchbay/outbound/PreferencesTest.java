package dev.patchbay.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code Prefer} header (RFC 7240): {@code respond-async} beside {@code wait}, in any order and case. */
class PreferencesTest {

    @ParameterizedTest(name = "[{0}] respond-async={1}, wait={2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "respond-async                 | true  | null",
        "Respond-Async                 | true  | null",
        "respond-async, wait=10        | true  | 10",
        "wait=5,respond-async          | true  | 5",
        "respond-async; x=1            | true  | null",
        "wait=30                       | false | 30",
        "respond-asynchronously        | false | null",
        "return=minimal                | false | null",
        "null                          | false | null"})
    void shouldReadRespondAsyncAndWait(String prefer, boolean async, Integer wait) {
        assertThat(Preferences.respondAsync(prefer)).isEqualTo(async);
        assertThat(Preferences.waitSeconds(prefer)).isEqualTo(wait);
    }
}
