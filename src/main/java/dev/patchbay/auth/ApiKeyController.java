package dev.patchbay.auth;

import dev.patchbay.web.CurrentCompany;
import dev.patchbay.web.DataEnvelope;
import dev.patchbay.web.MessageBody;
import dev.patchbay.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A company administrator's API keys: created (the key shown once), listed (never the key), revoked. */
@RestController
class ApiKeyController {

    record CreateApiKeyRequest(
            @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                    String name,
            Boolean readOnly) {}

    private final AccountService accounts;

    ApiKeyController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/api-keys")
    DataEnvelope<List<ApiKeyView>> list(CurrentCompany company) {
        return DataEnvelope.of(accounts.listApiKeys(company.id()));
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    DataEnvelope<ApiKeyView> create(CurrentCompany company, @Valid @RequestBody CreateApiKeyRequest request) {
        return DataEnvelope.of(accounts.createApiKey(company.id(), request.name().trim(), Boolean.TRUE.equals(request.readOnly())));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    MessageBody revoke(CurrentCompany company, @PathVariable long id) {
        if (!accounts.revokeApiKey(company.id(), id)) {
            throw NotFoundException.of("API key", id);
        }
        return new MessageBody("API key revoked.");
    }
}
