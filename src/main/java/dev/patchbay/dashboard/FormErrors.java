package dev.patchbay.dashboard;

import dev.patchbay.web.ValidationFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The API's 422 field errors ({@code "field.path" -> messages}), renamed onto a form's fields where the names differ. */
final class FormErrors {

    private FormErrors() {}

    static Map<String, List<String>> of(ValidationFailedException e) {
        return of(e, UnaryOperator.identity());
    }

    static Map<String, List<String>> of(ValidationFailedException e, UnaryOperator<String> rename) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.errors().toBody().errors().forEach((field, messages) ->
                errors.computeIfAbsent(rename.apply(field), k -> new java.util.ArrayList<>()).addAll(messages));
        return errors;
    }

    static Map<String, List<String>> single(String field, String message) {
        return Map.of(field, List.of(message));
    }
}
