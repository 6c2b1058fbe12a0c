package dev.patchbay.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.patchbay.config.Redacted;
import dev.patchbay.web.ApiTimestamps;

/** An API key as the API shows it: the raw {@code key} only in the response that created it. */
record ApiKeyView(long id, String name, String prefix, boolean readOnly, String createdAt, String lastUsedAt, String revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    static ApiKeyView of(ApiKeyRepository.ApiKeyRow row, String rawKey) {
        return new ApiKeyView(row.id(), row.name(), row.keyPrefix(), row.readOnly(), ApiTimestamps.format(row.createdAt()),
                ApiTimestamps.format(row.lastUsedAt()), ApiTimestamps.format(row.revokedAt()), rawKey);
    }

    @Override
    public String toString() {
        return "ApiKeyView[id=" + id + ", name=" + name + ", prefix=" + prefix + ", key=" + Redacted.of(key) + "]";
    }
}
