package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import dev.patchbay.web.DataEnvelope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration: a new company with its first administrator and an API key (shown once). */
@RestController
class CompanyController {

    record AdminInput(
            @NotBlank(message = "field is required.") @Email(message = "must be a valid email address.")
                    @Size(max = 255, message = "must not be greater than 255 characters.") String email,
            @NotBlank(message = "field is required.") @Size(min = 8, max = 255, message = "must be between 8 and 255 characters.")
                    @FitsBcrypt
                    String password) {

        @Override
        public String toString() {
            return "AdminInput[email=" + email + ", password=" + Redacted.of(password) + "]";
        }
    }

    record CreateCompanyRequest(
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String name,
            @NotNull(message = "field is required.") @Valid AdminInput admin) {}

    private final AccountService accounts;

    CompanyController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/companies")
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<AccountService.CreatedCompany> create(@Valid @RequestBody CreateCompanyRequest request) {
        return DataEnvelope.of(accounts.createCompany(
                request.name().trim(), request.admin().email().trim(), request.admin().password(), null));
    }
}
