package dev.patchbay.auth;

import com.fasterxml.jackson.annotation.JsonValue;

/** A user's role in a company. API keys act as managers (or read-only, if created so). */
public enum Role {
    ADMINISTRATOR("administrator"),
    MANAGER("manager"),
    STANDARD("standard");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Role fromValue(String value) {
        for (Role role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + value);
    }
}
