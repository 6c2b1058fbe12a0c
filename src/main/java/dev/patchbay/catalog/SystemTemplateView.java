package dev.patchbay.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A marketplace entry. {@code installed_system_id} and {@code installed_version} tell the caller's
 * company whether (and which version) it has installed; {@code definition} is the whole file, on
 * single reads only.
 */
record SystemTemplateView(
        long id, String key, String version, String name, String label, String systemType, String description, String logo,
        String colour, String helpLink, String source, Long installedSystemId, String installedVersion, String createdAt,
        String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String definition) {}
