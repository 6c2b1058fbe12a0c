package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class LoginService {

    /** Compared against when the e-mail is unknown, so both failures take the same time. */
    private final String decoyHash;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final JwtService jwt;
    private final Clock clock;
    private final LoginThrottle throttle;

    LoginService(UserRepository users, PasswordEncoder passwords, JwtService jwt, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.passwords = passwords;
        this.jwt = jwt;
        this.clock = clock;
        this.decoyHash = passwords.encode("not-a-real-password");
    }

    /** The outcome of a login: a token, wrong credentials, or too many failures from this client address (for this account or for all). */
    sealed interface Outcome {
        record LoggedIn(String token) implements Outcome {

            @Override
            public String toString() {
                return "LoggedIn[token=" + Redacted.of(token) + "]";
            }
        }

        record Refused() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}

        /** The dashboard's sign-in: the session holds the caller, no token is issued. */
        record SignedIn(Caller caller) implements Outcome {}
    }

    /** @param clientAddress the caller's address as the servlet container reports it ({@code getRemoteAddr()}) */
    Outcome login(String email, String password, String clientAddress) {
        return check(email, password, clientAddress, user -> new Outcome.LoggedIn(jwt.issue(user.id(), clock.instant())));
    }

    /** The same check as {@link #login} (throttle included), for the dashboard's form sign-in. */
    Outcome signIn(String email, String password, String clientAddress) {
        return check(email, password, clientAddress,
                user -> new Outcome.SignedIn(Caller.user(user.companyId(), user.id(), Role.fromValue(user.role()))));
    }

    private Outcome check(String email, String password, String clientAddress,
            java.util.function.Function<UserRepository.UserRow, Outcome> success) {
        LoginThrottle.Attempt attempt = LoginThrottle.attempt(clientAddress, email);
        // Before the password hash: a throttled attempt costs no BCrypt. A started attempt counts as a failure
        // until it turns out right, so attempts sent all at once cannot get past the limit together.
        Optional<Duration> wait = throttle.tryStart(attempt);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Optional<UserRepository.UserRow> user = users.findByEmail(email.trim());
        boolean matches = passwords.matches(password, user.map(UserRepository.UserRow::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            return new Outcome.Refused();
        }
        throttle.succeeded(attempt);
        return success.apply(user.get());
    }

    /** The wait in whole seconds, rounded up so that a client retrying then is not refused again; at least 1. */
    static long retryAfterSeconds(Outcome.Throttled throttled) {
        long millis = throttled.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    long tokenTtlSeconds() {
        return jwt.ttl().toSeconds();
    }
}
