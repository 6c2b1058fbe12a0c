package dev.patchbay.builder.endpoint;

import dev.patchbay.catalog.EndpointWriter.EndpointColumns;
import dev.patchbay.catalog.EndpointWriter.FieldTag;
import dev.patchbay.catalog.EndpointWriter.Filter;
import dev.patchbay.web.CheckedBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint's writable fields with its nested lists. On update the nested lists ({@code filters},
 * {@code field_tags}, {@code endpoint_schema}, {@code authentication_implementation_ids}) are
 * replaced when present in the body and kept when absent.
 */
@CheckedBody
record EndpointInput(
        @NotNull(message = "field is required.") Long systemId,
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String name,
        @NotBlank(message = "field is required.") String httpMethod,
        @NotBlank(message = "field is required.") @Size(max = 2048, message = "must not be greater than 2048 characters.")
                String path,
        @NotBlank(message = "field is required.") String direction,
        String dataType,
        @Size(max = 50, message = "must not be greater than 50 characters.") String paginationMethod,
        Boolean returnsMultipleRecords,
        Long entityTypeId,
        String deprecatedAt,
        List<@NotNull(message = "field must be an object.") @Valid FilterInput> filters,
        JsonNode endpointSchema,
        List<@NotNull(message = "field must be an object.") @Valid FieldTagInput> fieldTags,
        List<@NotNull(message = "field must be an id.") Long> authenticationImplementationIds) {

    record FilterInput(
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String name,
            @NotBlank(message = "field is required.") String type,
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String parameter,
            String operator) {}

    record FieldTagInput(
            @NotBlank(message = "field is required.") @Size(max = 1024, message = "must not be greater than 1024 characters.")
                    String path,
            @NotBlank(message = "field is required.") @Size(max = 100, message = "must not be greater than 100 characters.")
                    String tag) {}

    EndpointInput withDefaults() {
        return new EndpointInput(systemId, name, httpMethod, path, direction, dataType == null ? "json" : dataType,
                paginationMethod, returnsMultipleRecords == null ? Boolean.FALSE : returnsMultipleRecords, entityTypeId,
                deprecatedAt, filters, endpointSchema, fieldTags, authenticationImplementationIds);
    }

    /** The columns the catalog's writer stores (the name without surrounding blanks). */
    EndpointColumns toColumns() {
        return new EndpointColumns(name.trim(), httpMethod, path, direction, dataType, paginationMethod, returnsMultipleRecords,
                entityTypeId, deprecatedAt);
    }

    List<Filter> filterRows() {
        return present(filters).stream().map(f -> new Filter(f.name(), f.type(), f.parameter(), f.operator())).toList();
    }

    List<FieldTag> fieldTagRows() {
        return present(fieldTags).stream().map(t -> new FieldTag(t.path(), t.tag())).toList();
    }

    List<Long> implementationIds() {
        return present(authenticationImplementationIds);
    }

    /** A list left out of the body is empty; null entries were refused by validation. */
    private static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
