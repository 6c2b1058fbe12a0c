package dev.patchbay.auth;

import dev.patchbay.config.Redacted;
import dev.patchbay.web.MessageBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    record LoginRequest(@NotBlank(message = "field is required.") String username,
            @NotBlank(message = "field is required.") String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=" + Redacted.of(password) + "]";
        }
    }

    record LoginResponse(String message, String token, long expiresIn) {

        @Override
        public String toString() {
            return "LoginResponse[token=" + Redacted.of(token) + ", expiresIn=" + expiresIn + "]";
        }
    }

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/fabric/api/login")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Logged in; send the token as `Authorization: Bearer <token>`.",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @ApiResponse(responseCode = "401", description = "Unknown email or wrong password.",
            content = @Content(schema = @Schema(implementation = MessageBody.class)))
    @ApiResponse(responseCode = "429", description = "Too many failed attempts from this client address, for this account or for all; see `Retry-After`.",
            content = @Content(schema = @Schema(implementation = MessageBody.class)))
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        LoginService.Outcome outcome = logins.login(request.username(), request.password(), http.getRemoteAddr());
        if (outcome instanceof LoginService.Outcome.LoggedIn in) {
            return ResponseEntity.ok(new LoginResponse("You have successfully logged in.", in.token(), logins.tokenTtlSeconds()));
        }
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            long seconds = LoginService.retryAfterSeconds(throttled);
            return ResponseEntity.status(429).header("Retry-After", Long.toString(seconds))
                    .body(new MessageBody("Too many login attempts. Please try again in " + seconds + " seconds."));
        }
        return ResponseEntity.status(401).body(new MessageBody("These credentials do not match our records."));
    }
}
