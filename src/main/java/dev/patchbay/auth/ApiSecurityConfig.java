package dev.patchbay.auth;

import dev.patchbay.web.RawJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * The API's security: stateless, authenticated by API key or login token, with the contract's 401
 * and 403 bodies. Reads need a company member; writes need a manager or administrator (or a
 * read-write API key); users and API keys are for administrators; companies for the platform key.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    static final String UNAUTHENTICATED = "{\"message\":\"Unauthenticated.\"}";
    static final String FORBIDDEN = "{\"message\":\"This action is unauthorized.\"}";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyLookup apiKeys, UserRepository users, JwtService jwt)
            throws Exception {
        String member = role(Caller.MEMBER);
        String writer = role(Caller.WRITER);
        String admin = role(Caller.ADMIN);
        String platform = role(Caller.PLATFORM);
        // Only the filters the API uses: every other one wrapped the request or the response, or looked
        // for a session, on every call (docs/performance.md, "Fifth pass"). No session is read or made:
        // the caller is authenticated afresh on each request and kept in a request attribute.
        http.securityMatcher("/api/**", "/fabric/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true); // the same headers, without a response wrapper
                        return filter;
                    }
                }))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new CallerAuthenticationFilter(apiKeys, users, jwt), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> RawJson.write(response, 401, UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) -> RawJson.write(response, 403, FORBIDDEN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/fabric/api/login").permitAll()
                        .requestMatchers("/api/v1/companies", "/api/v1/companies/**").hasRole(platform)
                        .requestMatchers(HttpMethod.POST, "/api/v1/system-templates").hasRole(platform)
                        .requestMatchers(HttpMethod.GET, "/api/v1/system-templates", "/api/v1/system-templates/**")
                        .hasAnyRole(member, platform)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/api-keys", "/api/v1/api-keys/**")
                        .hasRole(admin)
                        // Sending through a connector is a write whatever the method: a GET through the proxy
                        // spends the instance's rate limit and may change the system's data.
                        .requestMatchers("/api/v1/connectors/*/proxy/**", "/api/v1/connectors/*/oauth/**").hasRole(writer)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(member)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(member)
                        .requestMatchers("/api/**").hasRole(writer)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Everything outside the API: health, the API documentation ({@code /v3/api-docs}, Swagger UI at
     * {@code /docs}) and error pages are public; the dashboard's pages have their own chain
     * ({@link DashboardSecurityConfig}), which comes before this one.
     */
    @Bean
    @Order(3)
    SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /**
     * No observation wrapper around each security filter, the authorization manager and the
     * authentication manager: the profile of a read showed them on every request, and nothing
     * records traces. Remove this bean to trace the filter chains again.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String role(String authority) {
        return authority.substring("ROLE_".length());
    }
}
