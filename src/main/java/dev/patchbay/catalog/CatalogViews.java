package dev.patchbay.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** The installed connector's records as the API shows them (fields only; relations come from includes). */
public final class CatalogViews {

    private CatalogViews() {}

    /** {@code settings} (header / query / body templates) and {@code test_request} are JSON objects, shown as stored. */
    public record AuthenticationImplementationView(
            long id, long systemId, long authenticationTypeId, String name, @JsonRawValue String settings,
            @JsonRawValue String testRequest, String createdAt, String updatedAt) {}

    public record AuthenticationTypeView(long id, String key, String name) {}

    /** {@code connect_timeout} and {@code read_timeout} are seconds, null where the service's defaults apply. */
    public record SystemView(
            long id, String name, String label, String canonicalKey, long systemTypeId, String protocol, String colour,
            String version, String versionName, int defaultRateLimitDuration, String defaultRateLimitUnit,
            String defaultDateFormat, String helpLink, String systemTemplateId, String baseUrl, Integer connectTimeout,
            Integer readTimeout, String createdAt, String updatedAt) {}

    public record LogoView(@JsonIgnore long systemId, String url) {}

    public record SystemTypeView(long id, String name) {}

    public record EndpointView(
            long id, long systemId, String name, String httpMethod, String path, String direction, String dataType,
            String paginationMethod, boolean returnsMultipleRecords, Long entityTypeId, String deprecatedAt,
            String createdAt, String updatedAt) {}

    public record EndpointFilterView(long id, long endpointId, String name, String type, String parameter, String operator) {}

    public record EndpointSchemaView(long id, long endpointId, @JsonRawValue String schema) {}

    public record EntityTypeView(long id, String name) {}

    public record FieldTagView(long id, long endpointId, String path, String tag) {}
}
