package dev.patchbay.auth;

import dev.patchbay.web.ApiTimestamps;

/** A user as the API shows it; never the password hash. */
public record UserView(long id, String name, String email, String role, String createdAt, String updatedAt) {

    static UserView of(UserRepository.UserRow row) {
        return new UserView(row.id(), row.name(), row.email(), row.role(), ApiTimestamps.format(row.createdAt()),
                ApiTimestamps.format(row.updatedAt()));
    }
}
