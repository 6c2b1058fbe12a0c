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
        return logins.login(request.username(), request.password())
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok(
                        new LoginResponse("You have successfully logged in.", token, logins.tokenTtlSeconds())))
                .orElseGet(() -> ResponseEntity.status(401).body(new MessageBody("These credentials do not match our records.")));
    }
}
