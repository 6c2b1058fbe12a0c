package dev.patchbay.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhpDateFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"Y-m-d H:i:s", "Y-m-d\\TH:i:sP", "U", "c", "r", "D, d M Y", "jS F Y", "Y-m-d\\TH:i:s.uO", "\\Q\\K Y",
        "W o N z t L", "g:i a", "B I e T Z p X x"})
    void shouldAcceptValidFormats(String format) {
        assertThat(PhpDateFormat.problem(format)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Y-m-d Q|`Q` at position 7",
        "b|`b` at position 1",
        "Y-m-d K|`K` at position 7",
        "Y-m-d\\|lone backslash",
        "''|must not be empty"})
    void shouldNameTheProblem(String format, String expected) {
        assertThat(PhpDateFormat.problem(format)).hasValueSatisfying(problem -> assertThat(problem).contains(expected));
    }

    @ParameterizedTest
    @ValueSource(chars = {'b', 'C', 'E', 'f', 'J', 'k', 'K', 'q', 'Q', 'R', 'V'})
    void shouldRefuseEveryLetterThatIsNotAToken(char letter) {
        assertThat(PhpDateFormat.problem("Y" + letter)).isPresent();
        assertThat(PhpDateFormat.problem("Y\\" + letter)).as("escaped, it is a literal").isEmpty();
    }
}
