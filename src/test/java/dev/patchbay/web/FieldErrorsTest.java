package dev.patchbay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void shouldSummariseTheFirstMessageAndCountTheRest() {
        FieldErrors errors = new FieldErrors()
                .addAbout("name", "field is required.")
                .addAbout("variables.0.key", "field is required.")
                .add("variables.0.key", "Another problem.");

        ValidationErrorBody body = errors.toBody();

        assertThat(body.message()).isEqualTo("The name field is required. (and 2 more errors)");
        assertThat(body.errors()).containsOnlyKeys("name", "variables.0.key");
        assertThat(body.errors().get("variables.0.key"))
                .isEqualTo(List.of("The variables.0.key field is required.", "Another problem."));
    }

    @Test
    void shouldUseTheSingularForOneMoreError() {
        assertThat(new FieldErrors().add("a", "A.").add("b", "B.").toBody().message()).isEqualTo("A. (and 1 more error)");
        assertThat(new FieldErrors().add("a", "A.").toBody().message()).isEqualTo("A.");
    }

    @Test
    void shouldReadSnakeCaseAttributesAsWords() {
        assertThat(new FieldErrors().addAbout("rate_limit_unit", "field is required.").toBody().message())
                .isEqualTo("The rate limit unit field is required.");
    }

    @Test
    void shouldDropLaterMessagesAboutARefusedFieldAndWhatIsNestedInIt() {
        FieldErrors errors = new FieldErrors()
                .refuse("variables", "field must be an array.")
                .addAbout("variables", "field is required.")
                .addAbout("variables.0.key", "field is required.")
                .addAbout("variables_count", "field is required.");

        assertThat(errors.toBody().errors()).containsOnlyKeys("variables", "variables_count");
        assertThat(errors.toBody().errors().get("variables")).isEqualTo(List.of("The variables field must be an array."));
    }

    @Test
    void shouldKeepRefusalsInACopySoThatLaterRulesAboutTheFieldAreDropped() {
        FieldErrors errors = new FieldErrors().refuse("template_id", "field must be an integer.");

        FieldErrors copy = errors.copy().addAbout("template_id", "field is required.").add("name", "Name.");

        assertThat(copy.toBody().errors().get("template_id")).isEqualTo(List.of("The template id field must be an integer."));
        assertThat(errors.has("name")).as("the original is left as it was").isFalse();
    }

    @Test
    void shouldThrowOnlyWhenThereAreErrors() {
        new FieldErrors().throwIfAny();
        assertThatThrownBy(() -> new FieldErrors().add("x", "X.").throwIfAny()).isInstanceOf(ValidationFailedException.class);
    }

    @Test
    void shouldTurnBeanPathsIntoApiPaths() {
        assertThat(BeanPaths.toApiPath("variables[3].pivot.alias")).isEqualTo("variables.3.pivot.alias");
        assertThat(BeanPaths.toApiPath("rateLimitDuration")).isEqualTo("rate_limit_duration");
    }
}
