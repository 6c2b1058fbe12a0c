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
    }

    Outcome login(String email, String password) {
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
        return new Outcome.LoggedIn(jwt.issue(user.get().id(), clock.instant()));
    }

    long tokenTtlSeconds() {
        return jwt.ttl().toSeconds();
    }
}
