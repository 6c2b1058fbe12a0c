package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import dev.patchbay.web.FieldErrors;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Companies, users and API keys: the write side of tenancy, used by the API and by first-start bootstrap. */
@Service
public class AccountService {

    /** A new company with its first administrator and API key (the raw key, shown once). */
    public record CreatedCompany(long id, String name, UserView admin, String apiKey) {

        @Override
        public String toString() {
            return "CreatedCompany[id=" + id + ", name=" + name + ", admin=" + admin + ", apiKey=" + Redacted.of(apiKey) + "]";
        }
    }

    private final CompanyRepository companies;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final ApiKeyLookup apiKeyLookup;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountService(CompanyRepository companies, UserRepository users, ApiKeyRepository apiKeys, ApiKeyLookup apiKeyLookup,
            PasswordEncoder passwords, Clock clock) {
        this.companies = companies;
        this.users = users;
        this.apiKeys = apiKeys;
        this.apiKeyLookup = apiKeyLookup;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** @param rawApiKey the key to register, or null to generate one */
    @Transactional
    public CreatedCompany createCompany(String name, String adminEmail, String adminPassword, String rawApiKey) {
        if (users.emailTaken(adminEmail)) {
            new FieldErrors().addAbout("admin.email", "has already been taken.").throwIfAny();
        }
        CompanyRepository.CompanyRow company = companies.insert(name);
        UserRepository.UserRow admin = insertUser("admin.email",
                company.id(), "Administrator", adminEmail, passwords.encode(adminPassword), Role.ADMINISTRATOR);
        String key = rawApiKey != null ? rawApiKey : ApiKeyHashing.newKey();
        apiKeys.insert(company.id(), false, "Default key", key, false);
        return new CreatedCompany(company.id(), company.name(), UserView.of(admin), key);
    }

    @Transactional
    public String createPlatformKey(String rawKey) {
        String key = rawKey != null ? rawKey : ApiKeyHashing.newKey();
        apiKeys.insert(null, true, "Platform administrator", key, false);
        return key;
    }

    public boolean platformKeyExists() {
        return apiKeys.existsPlatformKey();
    }

    @Transactional
    UserView createUser(long companyId, String name, String email, String password, Role role) {
        if (users.emailTaken(email)) {
            new FieldErrors().addAbout("email", "has already been taken.").throwIfAny();
        }
        return UserView.of(insertUser("email", companyId, name, email, passwords.encode(password), role));
    }

    /** The check above can race with a concurrent request; the unique index decides, and the loser gets the same 422. */
    private UserRepository.UserRow insertUser(String field, long companyId, String name, String email, String passwordHash,
            Role role) {
        try {
            return users.insert(companyId, name, email, passwordHash, role);
        } catch (DuplicateKeyException e) {
            new FieldErrors().addAbout(field, "has already been taken.").throwIfAny();
            throw e;
        }
    }

    List<UserView> listUsers(long companyId) {
        return users.listByCompany(companyId).stream().map(UserView::of).toList();
    }

    @Transactional
    ApiKeyView createApiKey(long companyId, String name, boolean readOnly) {
        String key = ApiKeyHashing.newKey();
        return ApiKeyView.of(apiKeys.insert(companyId, false, name, key, readOnly), key);
    }

    List<ApiKeyView> listApiKeys(long companyId) {
        return apiKeys.listByCompany(companyId).stream().map(row -> ApiKeyView.of(row, null)).toList();
    }

    /** @return false when the key does not exist in this company */
    @Transactional
    boolean revokeApiKey(long companyId, long id) {
        if (apiKeys.findByCompany(companyId, id).isEmpty()) {
            return false;
        }
        apiKeys.revoke(companyId, id, clock.instant());
        // forgotten once the revocation is visible, so no request can cache the still-active row again here
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                apiKeyLookup.forget(id);
            }
        });
        return true;
    }
}
