package dev.patchbay.auth;

import dev.patchbay.outbound.limit.LimitsUnavailableException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The dashboard's security, separate from the stateless API chain: a form sign-in at {@code /} with
 * the same users, roles and login throttle as {@code /fabric/api/login}, a server-side session
 * (its cookie is HttpOnly, Secure and SameSite=Strict; see {@code server.servlet.session.*}), CSRF
 * tokens on every form, and a strict content security policy. Standard users read; writes (every
 * POST) need a manager or an administrator, as on the API.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfig {

    /** Every page of the dashboard lives under these paths; the API and the public routes are elsewhere. */
    static final String[] PAGES = {"/", "/logout", "/connectors", "/connectors/**", "/marketplace", "/marketplace/**",
        "/instances/**", "/pools", "/pools/**", "/dashboard/**"};

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
            + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, LoginService logins) throws Exception {
        String member = Caller.MEMBER.substring("ROLE_".length());
        String writer = Caller.WRITER.substring("ROLE_".length());
        http.securityMatcher(PAGES)
                .authenticationProvider(new SignIn(logins))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .invalidSessionUrl("/?expired"))
                .formLogin(form -> form.loginPage("/").loginProcessingUrl("/").usernameParameter("email")
                        .passwordParameter("password").defaultSuccessUrl("/connectors", true).failureUrl("/?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out").deleteCookies("PATCHBAY_SESSION")
                        .invalidateHttpSession(true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/dashboard/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(member)
                        .anyRequest().hasRole(writer));
        return http.build();
    }

    /** Checks the form's e-mail and password through {@link LoginService}; the session then holds the {@link Caller}. */
    private record SignIn(LoginService logins) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication form) {
            // The form login's details carry the request's address (the same getRemoteAddr() as the API's login).
            String address = form.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
            LoginService.Outcome outcome;
            try {
                outcome = logins.signIn(form.getName(), String.valueOf(form.getCredentials()), address);
            } catch (LimitsUnavailableException e) {
                // Several nodes and their Redis does not answer: the sign-in form says so instead of an error page.
                throw new AuthenticationServiceException("Signing in is not possible right now. Please try again shortly.", e);
            }
            if (outcome instanceof LoginService.Outcome.SignedIn in) {
                var signedIn = UsernamePasswordAuthenticationToken.authenticated(in.caller(), null, in.caller().authorities());
                signedIn.setDetails(form.getName().trim());
                return signedIn;
            }
            if (outcome instanceof LoginService.Outcome.Throttled throttled) {
                throw new LockedException("Too many sign-in attempts. Please try again in "
                        + LoginService.retryAfterSeconds(throttled) + " seconds.");
            }
            throw new BadCredentialsException("These credentials do not match our records.");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
