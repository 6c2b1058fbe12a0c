package dev.patchbay.auth;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling: a user (by login token), a company API key, or the platform key. The authorities
 * drive the route rules in {@link ApiSecurityConfig}.
 */
public record Caller(Long companyId, Long userId, Long apiKeyId, Role role, boolean readOnly, boolean platform)
        implements java.io.Serializable {

    static final String MEMBER = "ROLE_MEMBER";
    static final String WRITER = "ROLE_WRITER";
    static final String ADMIN = "ROLE_ADMIN";
    static final String PLATFORM = "ROLE_PLATFORM";

    static Caller user(long companyId, long userId, Role role) {
        return new Caller(companyId, userId, null, role, false, false);
    }

    static Caller apiKey(long companyId, long apiKeyId, boolean readOnly) {
        return new Caller(companyId, null, apiKeyId, Role.MANAGER, readOnly, false);
    }

    static Caller platformKey(long apiKeyId) {
        return new Caller(null, null, apiKeyId, null, false, true);
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (platform) {
            authorities.add(new SimpleGrantedAuthority(PLATFORM));
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority(MEMBER));
        if (!readOnly && role != Role.STANDARD) {
            authorities.add(new SimpleGrantedAuthority(WRITER));
        }
        if (role == Role.ADMINISTRATOR) {
            authorities.add(new SimpleGrantedAuthority(ADMIN));
        }
        return authorities;
    }
}
