package dev.patchbay.auth;

import dev.patchbay.web.MessageBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    record LoginRequest(@NotBlank(message = "field is required.") String username,
            @NotBlank(message = "field is required.") String password) {}

    record LoginResponse(String message, String token, long expiresIn) {}

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/fabric/api/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request) {
        LoginService.Outcome outcome = logins.login(request.username(), request.password());
        if (outcome instanceof LoginService.Outcome.LoggedIn in) {
            return ResponseEntity.ok(new LoginResponse("You have successfully logged in.", in.token(), logins.tokenTtlSeconds()));
        }
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return ResponseEntity.status(429).header("Retry-After", Long.toString(seconds))
                    .body(new MessageBody("Too many login attempts. Please try again in " + seconds + " seconds."));
        }
        return ResponseEntity.status(401).body(new MessageBody("These credentials do not match our records."));
    }
}
