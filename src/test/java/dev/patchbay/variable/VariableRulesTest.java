package dev.patchbay.variable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.secret.SecretMask;
import dev.patchbay.web.FieldErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one set of variable rules, as the builder's templates and the connectors' variables both use it. */
class VariableRulesTest {

    private static final VariableData SECRET = new VariableData(1L, "token", "s3cret", "Token", true, false, null, true, true, false);
    private static final VariableData PLAIN = new VariableData(2L, "shop", "acme", "Shop", false, false, null, true, true, false);
    private static final VariableData LOCKED = new VariableData(3L, "version", "2024-10", "Version", false, true, null, false, false,
            false);

    private static SentVariable sending(String key, String value, Boolean secret, Boolean locked) {
        return new SentVariable(key, value, null, secret, locked, null, null, null, null);
    }

    private static Map<String, List<String>> errorsOf(FieldErrors errors) {
        return errors.isEmpty() ? Map.of() : errors.toBody().errors();
    }

    @ParameterizedTest(name = "{0}: value {1}, secret {2} → {3} {4}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "mask keeps the secret     | ********  | null  | s3cret | ''",
            "absent value keeps it     | null      | null  | s3cret | ''",
            "a new value replaces it   | new       | null  | new    | ''",
            "plain only with new value | new       | false | new    | ''",
            "plain keeping the secret  | ********  | false | s3cret | variables.0.secret"})
    void shouldApplyTheSecretRulesToAStoredSecret(String name, String value, Boolean secret, String expected, String field) {
        FieldErrors errors = new FieldErrors();

        VariableData result = VariableRules.changed(SECRET, sending(null, value, secret, null).over(SECRET), "variables.0.", errors);

        assertThat(result.value()).isEqualTo(expected);
        assertThat(errorsOf(errors).keySet()).isEqualTo(field.isEmpty() ? java.util.Set.of() : java.util.Set.of(field));
    }

    @Test
    void shouldRefuseTheMaskForAVariableWithoutASecret() {
        FieldErrors errors = new FieldErrors();

        VariableRules.changed(PLAIN, sending(null, SecretMask.MASK, null, null).over(PLAIN), "", errors);

        assertThat(errorsOf(errors)).isEqualTo(Map.of("value",
                List.of("The value is the secret mask, but this variable has no secret to keep.")));
    }

    @Test
    void shouldKeepALockedVariablesKeyValueAndLockNamingEachInThePathsTerms() {
        FieldErrors errors = new FieldErrors();

        VariableRules.changed(LOCKED, sending("v", "2099-01", null, false).over(LOCKED), "variables.2.", errors);

        assertThat(errorsOf(errors)).isEqualTo(Map.of(
                "variables.2.key", List.of("The variables.2.key is locked and cannot be changed."),
                "variables.2.value", List.of("The variables.2.value is locked and cannot be changed."),
                "variables.2.locked", List.of("A locked variable cannot be unlocked.")));
    }

    @Test
    void shouldLetALockedVariableChangeItsLabelOnly() {
        FieldErrors errors = new FieldErrors();
        SentVariable relabel = new SentVariable(null, null, "API version", null, null, null, null, null, null);

        VariableData result = VariableRules.changed(LOCKED, relabel.over(LOCKED), "", errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(result).isEqualTo(new VariableData(3L, "version", "2024-10", "API version", false, true, null, false, false, false));
    }

    @Test
    void shouldTakeTheTemplatesFlagsAndLockedValueForANewVariable() {
        FieldErrors errors = new FieldErrors();

        VariableData kept = VariableRules.created(new SentVariable("version", null, "Version", null, null, null, null, null, null),
                LOCKED, "variables.0.", errors);
        VariableRules.created(new SentVariable("version", "2099-01", "Version", null, null, null, null, null, null), LOCKED,
                "variables.1.", errors);
        VariableData masked = VariableRules.created(new SentVariable("token", SecretMask.MASK, "T", null, null, null, null, null,
                null), SECRET, "variables.2.", errors);

        assertThat(kept.value()).isEqualTo("2024-10");
        assertThat(kept.locked()).isTrue();
        assertThat(masked.value()).as("the mask keeps the template's default").isEqualTo("s3cret");
        assertThat(masked.secret()).isTrue();
        assertThat(errorsOf(errors)).isEqualTo(Map.of("variables.1.value",
                List.of("The variables.1.value is locked and cannot be changed.")));
    }

    @Test
    void shouldRefuseTheMaskAndTakenKeysForNewTemplates() {
        FieldErrors errors = new FieldErrors();

        List<VariableData> created = VariableRules.newTemplates(List.of(
                new SentVariable("shop", "x", "Shop", null, null, null, null, null, null),
                new SentVariable("token", SecretMask.MASK, "Token", true, null, null, null, null, null)), List.of("shop"),
                "variables.", errors);

        assertThat(created).hasSize(2);
        assertThat(created.get(0).configurable()).as("configurable unless said otherwise").isTrue();
        assertThat(errorsOf(errors)).isEqualTo(Map.of(
                "variables.0.key", List.of("The variables.0.key field has already been taken."),
                "variables.1.value", List.of("The variables.1.value is the secret mask, but there is no stored value to keep.")));
    }
}
