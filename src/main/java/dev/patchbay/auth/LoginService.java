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

    /** The outcome of a login: a token, wrong credentials, or too many failures for this address. */
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

    Outcome login(String email, String password) {
        return check(email, password, user -> new Outcome.LoggedIn(jwt.issue(user.id(), clock.instant())));
    }

    /** The same check as {@link #login} (throttle included), for the dashboard's form sign-in. */
    Outcome signIn(String email, String password) {
        return check(email, password,
                user -> new Outcome.SignedIn(Caller.user(user.companyId(), user.id(), Role.fromValue(user.role()))));
    }

    private Outcome check(String email, String password, java.util.function.Function<UserRepository.UserRow, Outcome> success) {
        Optional<Duration> blocked = throttle.blocked(email);
        if (blocked.isPresent()) {
            return new Outcome.Throttled(blocked.get());
        }
        Optional<UserRepository.UserRow> user = users.findByEmail(email.trim());
        boolean matches = passwords.matches(password, user.map(UserRepository.UserRow::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.failed(email);
            return new Outcome.Refused();
        }
        return success.apply(user.get());
    }

    long tokenTtlSeconds() {
        return jwt.ttl().toSeconds();
    }
}
