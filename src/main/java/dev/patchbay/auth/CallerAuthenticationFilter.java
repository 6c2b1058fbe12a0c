package dev.patchbay.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: <api-key>} or {@code Authorization: Bearer <token>}. A header that
 * does not authenticate leaves the request anonymous, and the route rules answer 401.
 */
class CallerAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyLookup apiKeys;
    private final UserRepository users;
    private final JwtService jwt;

    CallerAuthenticationFilter(ApiKeyLookup apiKeys, UserRepository users, JwtService jwt) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.jwt = jwt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            resolve(header.trim()).ifPresent(caller -> SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities())));
        }
        chain.doFilter(request, response);
    }

    private Optional<Caller> resolve(String header) {
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return jwt.verify(header.substring(BEARER.length()).trim())
                    .flatMap(users::findById)
                    .map(user -> Caller.user(user.companyId(), user.id(), Role.fromValue(user.role())));
        }
        return apiKeys.findActive(header).map(found -> found.platform()
                ? Caller.platformKey(found.id())
                : Caller.apiKey(found.companyId(), found.id(), found.readOnly()));
    }
}
