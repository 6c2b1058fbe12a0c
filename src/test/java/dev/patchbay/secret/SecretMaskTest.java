package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {

    @ParameterizedTest(name = "stored {0} is shown as {1}")
    @CsvSource(nullValues = "null", value = {"s3cret,********", "'',''", "null,null", "********,********"})
    void shouldShowTheMaskOnlyWhereSomethingIsStored(String stored, String shown) {
        assertThat(SecretMask.forOutput(stored)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "incoming {0} means keep: {1}")
    @CsvSource(nullValues = "null", value = {"********,true", "*******,false", "new-value,false", "'',false", "null,false"})
    void shouldTreatOnlyTheExactMaskAsKeep(String incoming, boolean keep) {
        assertThat(SecretMask.meansKeep(incoming)).isEqualTo(keep);
    }
}
