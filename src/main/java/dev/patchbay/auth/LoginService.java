package dev.patchbay.auth;

import java.time.Clock;
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

    LoginService(UserRepository users, PasswordEncoder passwords, JwtService jwt, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.jwt = jwt;
        this.clock = clock;
        this.decoyHash = passwords.encode("not-a-real-password");
    }

    Optional<String> login(String email, String password) {
        Optional<UserRepository.UserRow> user = users.findByEmail(email.trim());
        boolean matches = passwords.matches(password, user.map(UserRepository.UserRow::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            return Optional.empty();
        }
        return Optional.of(jwt.issue(user.get().id(), clock.instant()));
    }

    long tokenTtlSeconds() {
        return jwt.ttl().toSeconds();
    }
}
