package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A company administrator's users. */
@RestController
class UserController {

    record CreateUserRequest(
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String name,
            @NotBlank(message = "field is required.") @Email(message = "must be a valid email address.") String email,
            @NotBlank(message = "field is required.") @Size(min = 8, max = 255, message = "must be between 8 and 255 characters.")
                    @FitsBcrypt
                    String password,
            @NotBlank(message = "field is required.")
                    @Pattern(regexp = "administrator|manager|standard", message = "must be one of administrator, manager, standard.")
                    String role) {

        @Override
        public String toString() {
            return "CreateUserRequest[name=" + name + ", email=" + email + ", password=" + Redacted.of(password) + ", role=" + role
                    + "]";
        }
    }

    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/users")
    DataEnvelope<List<UserView>> list(CurrentCompany company) {
        return DataEnvelope.of(accounts.listUsers(company.id()));
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<UserView> create(CurrentCompany company, @Valid @RequestBody CreateUserRequest request) {
        return DataEnvelope.of(accounts.createUser(
                company.id(), request.name().trim(), request.email().trim(), request.password(), Role.fromValue(request.role())));
    }
}
